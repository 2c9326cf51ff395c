/// Appends JSON to a byte buffer by hand: the message codec's hot path (`JSONEncoder` is several
/// times slower and cannot keep field order).
///
/// Every token is written through one primitive, `write(maxBytes:_:)`, that reserves room and fills it through a
/// raw pointer: `Array.append(contentsOf:)` per token cost more than the bytes it copied.
package struct JSONWriter {
    /// The JSON written so far.
    package var bytes: [UInt8]
    private var needsComma = false

    package init(capacity: Int = 768) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    package mutating func beginObject() { open(UInt8(ascii: "{")) }

    package mutating func endObject() { close(UInt8(ascii: "}")) }

    package mutating func beginArray() { open(UInt8(ascii: "[")) }

    package mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Writes `"name":`; the next value call writes the value.
    package mutating func key(_ name: StaticString) {
        let comma = needsComma
        name.withUTF8Buffer { name in
            write(maxBytes: name.count + 4) { out in
                var at = 0
                if comma {
                    out[0] = UInt8(ascii: ",")
                    at = 1
                }
                out[at] = UInt8(ascii: "\"")
                (out + at + 1).update(from: name.baseAddress!, count: name.count)
                at += name.count + 1
                out[at] = UInt8(ascii: "\"")
                out[at + 1] = UInt8(ascii: ":")
                return at + 2
            }
        }
        needsComma = false
    }

    package mutating func string(_ text: String) {
        separate()
        Self.appendQuoted(text, to: &bytes)
        needsComma = true
    }

    package mutating func int(_ value: Int64) {
        separate()
        appendDigits(value)
        needsComma = true
    }

    /// A finite number in its shortest round-trip form; `null` for NaN or infinity (JSON has neither).
    package mutating func double(_ value: Double) {
        separate()
        if !value.isFinite {
            appendASCII("null")
        } else if value == value.rounded(.towardZero) && abs(value) < 1e15 {
            appendDigits(Int64(value))
            appendASCII(".0")
        } else if !appendShortDecimal(value) {
            bytes.append(contentsOf: value.description.utf8)
        }
        needsComma = true
    }

    package mutating func bool(_ value: Bool) {
        separate()
        appendASCII(value ? "true" : "false")
        needsComma = true
    }

    package mutating func null() {
        separate()
        appendASCII("null")
        needsComma = true
    }

    /// `"YYYY-MM-DD HH:MM:SS"`, with `.mmm` when the time has milliseconds.
    package mutating func eventTime(_ time: EventTime) {
        separate()
        appendOpenDate(time.date)
        let second = time.secondOfDay
        // 0...999: `secondsSinceEpoch` rounds down, also before 1970.
        let millis = Int(time.millisecondsSinceEpoch - time.secondsSinceEpoch * 1000)
        write(maxBytes: 14) { out in
            out[0] = UInt8(ascii: " ")
            Self.store(second / 3600, width: 2, at: out + 1)
            out[3] = UInt8(ascii: ":")
            Self.store(second / 60 % 60, width: 2, at: out + 4)
            out[6] = UInt8(ascii: ":")
            Self.store(second % 60, width: 2, at: out + 7)
            guard millis != 0 else {
                out[9] = UInt8(ascii: "\"")
                return 10
            }
            out[9] = UInt8(ascii: ".")
            Self.store(millis, width: 3, at: out + 10)
            out[13] = UInt8(ascii: "\"")
            return 14
        }
        needsComma = true
    }

    /// `"YYYY-MM-DD"`.
    package mutating func date(_ date: CalendarDate) {
        separate()
        appendOpenDate(date)
        appendASCII("\"")
        needsComma = true
    }

    /// `"YYYY-MM-DD` without the closing quote; a year outside 0...9999 (never a real payment's) in all its digits.
    private mutating func appendOpenDate(_ date: CalendarDate) {
        let (year, month, day) = CivilCalendar.date(days: Int(date.daysSinceEpoch))
        appendASCII("\"")
        appendPadded(year, 4)
        write(maxBytes: 6) { out in
            out[0] = UInt8(ascii: "-")
            Self.store(month, width: 2, at: out + 1)
            out[3] = UInt8(ascii: "-")
            Self.store(day, width: 2, at: out + 4)
            return 6
        }
    }

    /// `value` in `width` digits, zero-padded; all its digits (and sign) when it does not fit.
    private mutating func appendPadded(_ value: Int, _ width: Int) {
        var limit = 1
        for _ in 0..<width { limit *= 10 }
        guard value >= 0, value < limit else {
            appendDigits(Int64(value))
            return
        }
        write(maxBytes: width) { out in
            Self.store(value, width: width, at: out)
            return width
        }
    }

    /// Writes the low `width` decimal digits of `value` (0 ≤ value < 10^width) at `out`.
    private static func store<Value: BinaryInteger>(_ value: Value, width: Int, at out: UnsafeMutablePointer<UInt8>) {
        var rest = value
        for index in stride(from: width - 1, through: 0, by: -1) {
            out[index] = 48 + UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        }
    }

    /// Reserves `maxBytes` (growing geometrically), lets `body` fill them through a pointer, and keeps as many
    /// as it returns.
    private mutating func write(maxBytes: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        Self.write(maxBytes: maxBytes, to: &bytes, body)
    }

    private static func write(maxBytes: Int, to bytes: inout [UInt8], _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        if bytes.capacity - bytes.count < maxBytes {
            bytes.reserveCapacity(max(bytes.capacity * 2, bytes.count + maxBytes))
        }
        bytes.append(addingCapacity: maxBytes) { span in
            span.withUnsafeMutableBufferPointer { buffer, initialized in
                initialized = body(buffer.baseAddress!)
            }
        }
    }

    /// `{` or `[`, after a comma when a value precedes it.
    private mutating func open(_ bracket: UInt8) {
        let comma = needsComma
        write(maxBytes: 2) { out in
            guard comma else {
                out[0] = bracket
                return 1
            }
            out[0] = UInt8(ascii: ",")
            out[1] = bracket
            return 2
        }
        needsComma = false
    }

    /// `}` or `]`: the container is a value the next one is separated from.
    private mutating func close(_ bracket: UInt8) {
        write(maxBytes: 1) { $0[0] = bracket; return 1 }
        needsComma = true
    }

    private mutating func separate() {
        if needsComma { write(maxBytes: 1) { $0[0] = UInt8(ascii: ","); return 1 } }
    }

    private mutating func appendASCII(_ text: StaticString) {
        text.withUTF8Buffer { text in
            write(maxBytes: text.count) { out in
                out.update(from: text.baseAddress!, count: text.count)
                return text.count
            }
        }
    }

    private mutating func appendDigits(_ value: Int64) {
        write(maxBytes: 20) { out in
            guard value < 0 else { return Self.storeDigits(value.magnitude, minimumDigits: 1, at: out) }
            out[0] = UInt8(ascii: "-")
            // Work on the magnitude as UInt64 so Int64.min is exact.
            return 1 + Self.storeDigits(value.magnitude, minimumDigits: 1, at: out + 1)
        }
    }

    /// Writes the decimal digits of `magnitude`, left-padded with zeros to `minimumDigits` (≤ 20), at `out`.
    /// - Returns: how many bytes were written.
    private static func storeDigits(_ magnitude: UInt64, minimumDigits: Int, at out: UnsafeMutablePointer<UInt8>) -> Int {
        var count = 1
        var probe = magnitude / 10
        while probe > 0 {
            count += 1
            probe /= 10
        }
        count = max(count, minimumDigits)
        store(magnitude, width: count, at: out)
        return count
    }

    /// Writes `value` as `integer.fraction` with the fewest (1...6) fraction digits that read back as exactly
    /// `value` (amounts, coordinates), which is also its shortest round-trip form; `false` (nothing written)
    /// when no such form exists or `value` is outside 1e-3 ..< 1e9 in magnitude.
    ///
    /// Exact: for `k < 2^53`, `Double(k) / 10^d` is the double nearest to `k / 10^d` (one correctly rounded
    /// division of exact operands), which is what a parser reading the digits returns.
    private mutating func appendShortDecimal(_ value: Double) -> Bool {
        let magnitude = abs(value)
        guard magnitude >= 1e-3, magnitude < 1e9 else { return false }
        var scale = 10.0
        for digits in 1...6 {
            let scaled = (magnitude * scale).rounded()
            if scaled / scale == magnitude {
                let units = UInt64(scaled)
                let power = UInt64(scale)
                write(maxBytes: 18) { out in
                    var at = 0
                    if value < 0 {
                        out[0] = UInt8(ascii: "-")
                        at = 1
                    }
                    at += Self.storeDigits(units / power, minimumDigits: 1, at: out + at)
                    out[at] = UInt8(ascii: ".")
                    return at + 1 + Self.storeDigits(units % power, minimumDigits: digits, at: out + at + 1)
                }
                return true
            }
            scale *= 10
        }
        return false
    }

    /// Appends `text` as a quoted JSON string (RFC 8259 escapes; other bytes, UTF-8 included, copied
    /// in runs). The one JSON string escaper of the project.
    package static func appendQuoted(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { text in
            // At most 6 output bytes per input byte (`\u00XX`), plus the quotes.
            write(maxBytes: text.count * 6 + 2, to: &bytes) { out in
                out[0] = UInt8(ascii: "\"")
                var at = 1
                var runStart = 0
                var index = 0
                let raw = UnsafeRawBufferPointer(text)
                while true {
                    index = JSONReader.specialByte(in: raw, from: index)
                    guard index < text.count else { break }
                    let byte = text[index]
                    (out + at).update(from: text.baseAddress! + runStart, count: index - runStart)
                    at += index - runStart
                    index += 1
                    runStart = index
                    out[at] = UInt8(ascii: "\\")
                    switch byte {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"): out[at + 1] = byte
                    case UInt8(ascii: "\n"): out[at + 1] = UInt8(ascii: "n")
                    case UInt8(ascii: "\r"): out[at + 1] = UInt8(ascii: "r")
                    case UInt8(ascii: "\t"): out[at + 1] = UInt8(ascii: "t")
                    default:
                        let hex: StaticString = "0123456789abcdef"
                        hex.withUTF8Buffer { hex in
                            out[at + 1] = UInt8(ascii: "u")
                            out[at + 2] = 48
                            out[at + 3] = 48
                            out[at + 4] = hex[Int(byte >> 4)]
                            out[at + 5] = hex[Int(byte & 15)]
                        }
                        at += 4
                    }
                    at += 2
                }
                if let base = text.baseAddress {
                    (out + at).update(from: base + runStart, count: text.count - runStart)
                }
                at += text.count - runStart
                out[at] = UInt8(ascii: "\"")
                return at + 1
            }
        }
    }

    /// `text` as a quoted JSON string.
    package static func quoted(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 2)
        appendQuoted(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
