/// Where one field of a CSV record lies in a byte buffer.
package struct CSVFieldRange: Sendable {
    /// Offset of the first content byte (inside the quotes, for a quoted field).
    package var start: Int
    /// Offset just past the last content byte.
    package var end: Int
    /// The field was quoted and holds doubled quotes (`""`) that need unescaping.
    package var hasEscapedQuotes: Bool
}

/// Splits RFC 4180 CSV records out of a byte buffer without copying.
///
/// Quoted fields may hold commas, doubled quotes and line breaks; `\r\n` and `\n` both end a record.
package enum CSVScanner {
    /// What scanning from an offset found.
    package enum Outcome: Equatable, Sendable {
        /// A whole record; the next record starts at `next`. `lineBreaks` counts the line breaks consumed.
        case record(next: Int, lineBreaks: Int)
        /// The buffer ends inside the record: supply more bytes (or say `atEndOfInput`).
        case needMoreInput
        /// The input ended inside a quoted field.
        case unterminatedQuote
    }

    private static let comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\"")
    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    /// Scans one record starting at `offset`, writing its fields into `fields` (cleared first).
    package static func scanRecord(
        in bytes: UnsafeRawBufferPointer, from offset: Int, atEndOfInput: Bool, fields: inout [CSVFieldRange]
    ) -> Outcome {
        fields.removeAll(keepingCapacity: true)
        let count = bytes.count
        var position = offset
        var lineBreaks = 0
        while true {
            if position < count && bytes[position] == quote {
                // Quoted field: runs to the next quote not followed by another quote.
                let start = position + 1
                var cursor = start
                var escaped = false
                while true {
                    guard cursor < count else { return atEndOfInput ? .unterminatedQuote : .needMoreInput }
                    let byte = bytes[cursor]
                    if byte == quote {
                        if cursor + 1 < count && bytes[cursor + 1] == quote {
                            escaped = true
                            cursor += 2
                            continue
                        }
                        if cursor + 1 >= count && !atEndOfInput { return .needMoreInput }
                        break
                    }
                    if byte == newline { lineBreaks += 1 }
                    cursor += 1
                }
                fields.append(CSVFieldRange(start: start, end: cursor, hasEscapedQuotes: escaped))
                position = cursor + 1
                // Anything between the closing quote and the delimiter is kept out; scan to the delimiter.
                while position < count && bytes[position] != comma && bytes[position] != newline {
                    position += 1
                }
            } else {
                let start = position
                while position < count {
                    let byte = bytes[position]
                    if byte == comma || byte == newline { break }
                    position += 1
                }
                var end = position
                if end > start && bytes[end - 1] == carriageReturn && (position >= count || bytes[position] == newline) {
                    end -= 1
                }
                fields.append(CSVFieldRange(start: start, end: end, hasEscapedQuotes: false))
            }
            guard position < count else {
                return atEndOfInput ? .record(next: count, lineBreaks: lineBreaks) : .needMoreInput
            }
            if bytes[position] == newline {
                return .record(next: position + 1, lineBreaks: lineBreaks + 1)
            }
            position += 1  // comma
        }
    }

    /// The text of a field, with doubled quotes unescaped; `nil` when its bytes are not valid UTF-8.
    package static func string(_ field: CSVFieldRange, in bytes: UnsafeRawBufferPointer) -> String? {
        guard let text = UTF8Text.validated(UnsafeRawBufferPointer(rebasing: bytes[field.start..<field.end])) else { return nil }
        return field.hasEscapedQuotes ? text.replacingOccurrences(of: "\"\"", with: "\"") : text
    }
}

extension String {
    /// `self` with every `target` replaced, without Foundation.
    package func replacingOccurrences(of target: String, with replacement: String) -> String {
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
