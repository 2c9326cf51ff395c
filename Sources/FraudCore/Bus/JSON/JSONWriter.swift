/// Appends JSON to a byte buffer by hand: the message codec's hot path (`JSONEncoder` is several
/// times slower and cannot keep field order).
package struct JSONWriter {
    /// The JSON written so far.
    package var bytes: [UInt8]
    private var needsComma = false

    package init(capacity: Int = 768) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    package mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    package mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    package mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
    }

    package mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Writes `"name":`; the next value call writes the value.
    package mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
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
        } else {
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
        bytes.append(UInt8(ascii: "\""))
        appendDate(time.date)
        bytes.append(UInt8(ascii: " "))
        let second = time.secondOfDay
        appendPadded(second / 3600, 2)
        bytes.append(UInt8(ascii: ":"))
        appendPadded(second / 60 % 60, 2)
        bytes.append(UInt8(ascii: ":"))
        appendPadded(second % 60, 2)
        let millis = Int(time.millisecondsSinceEpoch - time.secondsSinceEpoch * 1000)
        if millis != 0 {
            bytes.append(UInt8(ascii: "."))
            appendPadded(millis, 3)
        }
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    /// `"YYYY-MM-DD"`.
    package mutating func date(_ date: CalendarDate) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        appendDate(date)
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    private mutating func appendASCII(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private mutating func appendDate(_ date: CalendarDate) {
        let (year, month, day) = CivilCalendar.date(days: Int(date.daysSinceEpoch))
        appendPadded(year, 4)
        bytes.append(UInt8(ascii: "-"))
        appendPadded(month, 2)
        bytes.append(UInt8(ascii: "-"))
        appendPadded(day, 2)
    }

    private mutating func appendPadded(_ value: Int, _ width: Int) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        guard value >= 0, value < divisor * 10 else {
            appendDigits(Int64(value))
            return
        }
        var rest = value
        while divisor > 0 {
            bytes.append(UInt8(48 + rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    private mutating func appendDigits(_ value: Int64) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        // Work on the magnitude as UInt64 so Int64.min is exact.
        var magnitude = value.magnitude
        let start = bytes.count
        repeat {
            bytes.append(UInt8(48 + magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes[start...].reverse()
    }

    /// Appends `text` as a quoted JSON string (RFC 8259 escapes; other bytes, UTF-8 included, copied
    /// in runs). The one JSON string escaper of the project.
    package static func appendQuoted(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { text in
            bytes.append(UInt8(ascii: "\""))
            var runStart = 0
            for index in 0..<text.count {
                let byte = text[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<index]))
                runStart = index + 1
                bytes.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
                case UInt8(ascii: "\n"): bytes.append(UInt8(ascii: "n"))
                case UInt8(ascii: "\r"): bytes.append(UInt8(ascii: "r"))
                case UInt8(ascii: "\t"): bytes.append(UInt8(ascii: "t"))
                default:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [UInt8(ascii: "u"), 48, 48, hex[Int(byte >> 4)], hex[Int(byte & 15)]])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart...]))
            bytes.append(UInt8(ascii: "\""))
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
