@testable import FraudCore
import Testing

/// The string scanner of `JSONReader`, which looks at eight bytes at a time: a quote, backslash or control character
/// at any position of a word (and in the tail shorter than a word) is found.
struct JSONReaderTests {
    private static func readString(_ json: String) throws(FieldError) -> String {
        let bytes = Array(json.utf8)
        let result = bytes.withUnsafeBytes { raw in
            Result { () throws(FieldError) -> String in
                var reader = JSONReader(raw)
                return try reader.string()
            }
        }
        return try result.get()
    }

    @Test func plainAndEscapedStringsOfEveryLengthAndPosition() throws {
        for length in 0..<20 {
            let text = String(repeating: "é", count: length % 3) + String(repeating: "a", count: length)
            #expect(try Self.readString("\"\(text)\" trailing") == text)
            for position in 0...length {
                var escaped = Array(text)
                escaped.insert(contentsOf: "\\n", at: min(position, escaped.count))
                var expected = Array(text)
                expected.insert("\n", at: min(position, expected.count))
                #expect(try Self.readString("\"\(String(escaped))\"") == String(expected))
            }
        }
    }

    @Test func controlCharacterAnywhereIsRefused() {
        for length in 1..<20 {
            for position in 0..<length {
                var text = Array(String(repeating: "b", count: length))
                text[position] = "\u{1}"
                #expect(throws: FieldError.self) { try Self.readString("\"\(String(text))\"") }
            }
        }
    }
}
