/// A forward-only JSON scanner over UTF-8 bytes for the message codec: no intermediate tree,
/// strings without escapes are handed out as byte ranges. Every failure is a `FieldError` naming
/// the field being read (`field`) and what was wrong. Strings and keys must be valid UTF-8 (RFC 8259): text that is
/// not is an error naming the field, never replaced by U+FFFD.
package struct JSONReader {
    private let bytes: UnsafeRawBufferPointer
    package private(set) var position = 0
    /// The `field` of the message as a whole (outside any member).
    package static let wholeMessage = "(message)"
    /// The field being read, for error messages.
    package var field = wholeMessage

    package init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// A failure for the current field.
    package func failure(_ reason: String, value: String = "") -> FieldError {
        FieldError(field: field, value: value, reason: reason)
    }

    private func syntaxError(_ expected: String) -> FieldError {
        let found = position >= bytes.count ? "end of message"
            : bytes[position] < 0x80 ? "'\(Character(Unicode.Scalar(bytes[position])))' at byte \(position)"
            : "byte 0x\(String(bytes[position], radix: 16, uppercase: true)) at byte \(position)"
        return failure("malformed JSON: expected \(expected), found \(found)")
    }

    package mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    /// Consumes `byte` (after whitespace) or throws.
    package mutating func expect(_ byte: UInt8) throws(FieldError) {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == byte else {
            throw syntaxError("'\(Character(Unicode.Scalar(byte)))'")
        }
        position += 1
    }

    /// Consumes `byte` if it is next (after whitespace).
    package mutating func consume(_ byte: UInt8) -> Bool {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    /// After the last value: only whitespace may follow.
    package mutating func expectEnd() throws(FieldError) {
        skipWhitespace()
        field = Self.wholeMessage
        guard position == bytes.count else { throw syntaxError("end of message") }
    }

    /// Iterates the members of an object: calls `body` with each key's bytes (escapes decoded, not yet checked to be
    /// UTF-8: see `keyName(_:in:)`); `body` must read the value.
    package mutating func readObject(_ body: (inout JSONReader, UnsafeRawBufferPointer) throws(FieldError) -> Void) throws(FieldError) {
        try expect(UInt8(ascii: "{"))
        if consume(UInt8(ascii: "}")) { return }
        repeat {
            skipWhitespace()
            let start = position
            do {
                let key = try rawStringAllowingEscapes()
                try expect(UInt8(ascii: ":"))
                try body(&self, key)
            } catch is EscapeFound {
                // A key with escapes (`"\u0061mt"` is `amt`): decoded into storage of its own.
                position = start
                let decoded = try escapedBytes()
                let key = UnsafeMutableRawBufferPointer.allocate(byteCount: decoded.count, alignment: 1)
                defer { key.deallocate() }
                key.copyBytes(from: decoded)
                try expect(UInt8(ascii: ":"))
                try body(&self, UnsafeRawBufferPointer(key))
            } catch let error as FieldError {
                throw error
            } catch {
                throw failure("unreadable object key")
            }
        } while consume(UInt8(ascii: ","))
        try expect(UInt8(ascii: "}"))
    }

    /// A key handed to `readObject`'s body as text; `object` is the path of the object (`wholeMessage` at the top).
    /// - Throws: `FieldError` naming the key (its bytes escaped) when it is not valid UTF-8.
    package static func keyName(_ key: UnsafeRawBufferPointer, in object: String) throws(FieldError) -> String {
        guard let name = UTF8Text.validated(key) else {
            throw FieldError(field: path(object, member: UTF8Text.escaped(key)), value: UTF8Text.escaped(key), reason: "object key not valid UTF-8")
        }
        return name
    }

    /// `member` of the object at `path` (`amt`, `labels[0].is_fraud`); the top level is `wholeMessage`.
    package static func path(_ path: String, member: String) -> String {
        path == wholeMessage ? member : "\(path).\(member)"
    }

    /// Iterates the elements of an array: `body` must read each element.
    package mutating func readArray(_ body: (inout JSONReader) throws(FieldError) -> Void) throws(FieldError) {
        try expect(UInt8(ascii: "["))
        if consume(UInt8(ascii: "]")) { return }
        repeat {
            try body(&self)
        } while consume(UInt8(ascii: ","))
        try expect(UInt8(ascii: "]"))
    }

    /// Whether the next value is `null` (consumed if so).
    package mutating func readNull() -> Bool {
        skipWhitespace()
        guard matches("null") else { return false }
        position += 4
        return true
    }

    /// Thrown internally when a string holds escapes and must take the slow path.
    private struct EscapeFound: Error {}

    /// A string value.
    package mutating func string() throws(FieldError) -> String {
        skipWhitespace()
        let start = position
        do {
            let raw = try rawStringAllowingEscapes()
            guard let text = UTF8Text.validated(raw) else { throw UTF8Text.failure(field: field, bytes: raw) }
            return text
        } catch is EscapeFound {
            position = start
            let bytes = try escapedBytes()
            guard let text = String(validating: bytes, as: UTF8.self) else { throw UTF8Text.failure(field: field, bytes: bytes) }
            return text
        } catch let error as FieldError {
            throw error
        } catch {
            throw failure("unreadable string")
        }
    }

    /// The raw bytes of a string without escapes (keys, dates, times); one with escapes fails with reason `escapes`.
    package mutating func plainString(escapes: String = "escaped characters are not expected here") throws(FieldError) -> UnsafeRawBufferPointer {
        skipWhitespace()
        do {
            return try rawStringAllowingEscapes()
        } catch let error as FieldError {
            throw error
        } catch {
            throw failure(escapes)
        }
    }

    private mutating func rawStringAllowingEscapes() throws -> UnsafeRawBufferPointer {
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw syntaxError("a string") }
        let start = position + 1
        let end = Self.specialByte(in: bytes, from: start)
        guard end < bytes.count else { throw failure("unterminated string") }
        switch bytes[end] {
        case UInt8(ascii: "\""):
            position = end + 1
            return UnsafeRawBufferPointer(rebasing: bytes[start..<end])
        case UInt8(ascii: "\\"): throw EscapeFound()
        default: throw failure("control character in string")
        }
    }

    /// The index of the first `"`, `\\` or control byte of `bytes` at or after `start`; `bytes.count` when none.
    package static func specialByte(in bytes: UnsafeRawBufferPointer, from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        var cursor = start
        // Eight bytes at a time up to the first quote, backslash or control character, which the loop below reads.
        while cursor + 8 <= bytes.count {
            let special = Self.specialBytes(UInt64(littleEndian: base.loadUnaligned(fromByteOffset: cursor, as: UInt64.self)))
            if special != 0 {
                cursor += special.trailingZeroBitCount / 8
                break
            }
            cursor += 8
        }
        while cursor < bytes.count {
            let byte = base.load(fromByteOffset: cursor, as: UInt8.self)
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { return cursor }
            cursor += 1
        }
        return cursor
    }

    /// The top bit of each byte of `word` (little-endian: the first byte is the lowest) that is a quote, a backslash or
    /// below 0x20, all eight at once: such a byte is zero after the XOR, or below 0x20, and borrows into its top bit. A
    /// borrow can also mark a later byte, never an earlier one, so the lowest mark is always a true one.
    @inline(__always)
    private static func specialBytes(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, tops: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* UInt64(UInt8(ascii: "\""))), backslash = word ^ (ones &* UInt64(UInt8(ascii: "\\")))
        let zeroInQuote = (quote &- ones) & ~quote
        let zeroInBackslash = (backslash &- ones) & ~backslash
        let control = (word &- ones &* 0x20) & ~word
        return (zeroInQuote | zeroInBackslash | control) & tops
    }

    /// The bytes of a string with escapes, decoded (not checked to be UTF-8).
    private mutating func escapedBytes() throws(FieldError) -> [UInt8] {
        position += 1  // opening quote
        var output: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if byte == UInt8(ascii: "\"") { return output }
            guard byte == UInt8(ascii: "\\") else {
                guard byte >= 0x20 else { throw failure("control character in string") }
                output.append(byte)
                continue
            }
            guard position < bytes.count else { break }
            let escape = bytes[position]
            position += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): output.append(escape)
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800..<0xDC00).contains(scalar) {
                    guard position + 2 <= bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u")
                    else { throw failure("unpaired surrogate in string") }
                    position += 2
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw failure("unpaired surrogate in string") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let unicode = Unicode.Scalar(scalar) else { throw failure("invalid \\u escape") }
                output.append(contentsOf: String(Character(unicode)).utf8)
            default:
                throw failure("invalid escape \\\(Character(Unicode.Scalar(escape)))")
            }
        }
        throw failure("unterminated string")
    }

    private mutating func hex4() throws(FieldError) -> UInt32 {
        guard position + 4 <= bytes.count else { throw failure("truncated \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt32
            switch byte {
            case 48...57: digit = UInt32(byte - 48)
            case 65...70: digit = UInt32(byte - 55)
            case 97...102: digit = UInt32(byte - 87)
            default: throw failure("invalid \\u escape")
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }

    /// The raw bytes of a number token (validated by the caller's number parser).
    package mutating func numberToken() throws(FieldError) -> UnsafeRawBufferPointer {
        skipWhitespace()
        let start = position
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
                 UInt8(ascii: "e"), UInt8(ascii: "E"):
                position += 1
            default:
                guard position > start else { throw syntaxError("a number") }
                return UnsafeRawBufferPointer(rebasing: bytes[start..<position])
            }
        }
        guard position > start else { throw syntaxError("a number") }
        return UnsafeRawBufferPointer(rebasing: bytes[start..<position])
    }

    package mutating func int64() throws(FieldError) -> Int64 {
        let token = try numberToken()
        guard let value = NumberParser.int64(token) else {
            throw failure("not an integer of at most 19 digits", value: String(decoding: token, as: UTF8.self))
        }
        return value
    }

    package mutating func double() throws(FieldError) -> Double {
        let token = try numberToken()
        guard let value = NumberParser.double(token) else {
            throw failure("not a number", value: String(decoding: token, as: UTF8.self))
        }
        return value
    }

    package mutating func bool() throws(FieldError) -> Bool {
        skipWhitespace()
        if matches("true") {
            position += 4
            return true
        }
        if matches("false") {
            position += 5
            return false
        }
        throw syntaxError("true or false")
    }

    /// Whether the next value (after whitespace) starts like `true` or `false`.
    package mutating func startsBoolean() -> Bool {
        skipWhitespace()
        return position < bytes.count && (bytes[position] == UInt8(ascii: "t") || bytes[position] == UInt8(ascii: "f"))
    }

    private func matches(_ literal: StaticString) -> Bool {
        literal.withUTF8Buffer { literal in
            guard position + literal.count <= bytes.count else { return false }
            for index in 0..<literal.count where bytes[position + index] != literal[index] { return false }
            return true
        }
    }

    /// Skips any value (unknown fields are ignored for forward compatibility), checking it is well-formed; a failure
    /// inside names the member's path (`field.key`, `field[2]`).
    package mutating func skipValue() throws(FieldError) {
        skipWhitespace()
        guard position < bytes.count else { throw syntaxError("a value") }
        let outer = field
        defer { field = outer }
        switch bytes[position] {
        case UInt8(ascii: "{"):
            try readObject { (reader: inout JSONReader, key) throws(FieldError) in
                reader.field = Self.path(outer, member: try Self.keyName(key, in: outer))
                try reader.skipValue()
                reader.field = outer
            }
        case UInt8(ascii: "["):
            var index = 0
            try readArray { (reader: inout JSONReader) throws(FieldError) in
                reader.field = (outer == Self.wholeMessage ? "" : outer) + "[\(index)]"
                try reader.skipValue()
                reader.field = outer
                index += 1
            }
        case UInt8(ascii: "\""):
            _ = try string()
        case UInt8(ascii: "t"), UInt8(ascii: "f"):
            _ = try bool()
        case UInt8(ascii: "n"):
            guard readNull() else { throw syntaxError("a value") }
        default:
            _ = try numberToken()
        }
    }
}
