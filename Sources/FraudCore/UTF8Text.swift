/// Text read from bytes that must be UTF-8 (data files, JSON per RFC 8259): validated, never repaired with U+FFFD.
package enum UTF8Text {
    /// `bytes` as text, or `nil` when they are not valid UTF-8.
    @inline(__always)
    package static func validated(_ bytes: UnsafeRawBufferPointer) -> String? {
        String(validating: bytes, as: UTF8.self)
    }

    /// The offset of the first byte that does not belong to valid UTF-8; `nil` when every byte does.
    package static func firstInvalidByte(_ bytes: some Collection<UInt8>) -> Int? {
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    /// `bytes` for display: valid UTF-8 as it is, every other byte as `\xHH`; with `escapingBackslashes`, each
    /// backslash written `\\` too, so the bytes can be told back from the text.
    package static func escaped(_ bytes: some Collection<UInt8>, escapingBackslashes: Bool = false) -> String {
        var text = ""
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var rest = Array(bytes)[...]
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                if escapingBackslashes && scalar == "\\" { text += "\\\\" } else { text.unicodeScalars.append(scalar) }
                rest = rest.dropFirst(encoded.count)
            case .error(let length):
                for byte in rest.prefix(length) { text += "\\x" + hex(byte) }
                rest = rest.dropFirst(length)
            case .emptyInput:
                return text
            }
        }
    }

    /// The error of a field whose bytes are not valid UTF-8: names the field and the offset of the first bad byte.
    package static func failure(field: String, bytes: some Collection<UInt8>) -> FieldError {
        let offset = firstInvalidByte(bytes) ?? 0
        let byte = bytes.dropFirst(offset).first.map(hex) ?? "??"
        return FieldError(field: field, value: escaped(bytes), reason: "not valid UTF-8: byte 0x\(byte) at offset \(offset) of the value")
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0xF)])
    }
}
