@testable import FraudCore
import Testing

/// Issue 14: bytes that are not UTF-8 were replaced by U+FFFD and accepted (a CSV text field, a JSON string); now they
/// are an error naming the field and the byte, and quarantined records keep the bytes. Also: JSON object keys with
/// escapes (`"\u0061mt"`) are valid JSON and read as the key they spell.
@Suite("Invalid UTF-8 and escaped keys")
struct InvalidUTF8Tests {
    /// A payment message with `merchant`'s `é` (0xC3 0xA9) replaced by a lone Latin-1 `é` (0xE9).
    static func paymentWithLatin1Merchant() -> [UInt8] {
        var payment = PaymentMessageTests.payment()
        payment.merchant = "Café"
        var bytes = payment.jsonBytes
        let utf8 = Array("Café".utf8)
        let start = bytes.firstRange(of: utf8)!.lowerBound
        bytes.replaceSubrange(start..<start + utf8.count, with: Array("Caf".utf8) + [0xE9])
        return bytes
    }

    @Test func aStringThatIsNotUTF8IsAnErrorNamingTheFieldAndTheByte() {
        #expect {
            try Transaction(jsonBytes: Self.paymentWithLatin1Merchant())
        } throws: { error in
            let error = error as! FieldError
            return error.field == "merchant" && error.reason == "not valid UTF-8: byte 0xE9 at offset 3 of the value"
                && error.value == "Caf\\xE9"
        }
    }

    @Test("bytes that are not UTF-8 anywhere in a message are refused", arguments: [
        ("\"first\":\"Zoë\"", "\"first\":\"Zo\\n\u{FFFF}\"", "first"),  // in a string with an escape (slow path)
        ("\"index\":7,", "\"index\":7,\"n\u{FFFF}te\":1,", "n\\xFFte"),  // in an unknown key
        ("\"index\":7,", "\"index\":7,\"extra\":{\"a\":[\"\u{FFFF}\"]},", "extra.a[0]"),  // deep in an unknown member
    ])
    func invalidBytesAnywhereAreRefused(original: String, replacement: String, field: String) {
        // U+FFFF stands for the invalid byte 0xFF here (its UTF-8 is EF BF BF).
        var bytes = Array(String(decoding: PaymentMessageTests.payment().jsonBytes, as: UTF8.self)
            .replacingOccurrences(of: original, with: replacement).utf8)
        while let range = bytes.firstRange(of: [0xEF, 0xBF, 0xBF]) { bytes.replaceSubrange(range, with: [0xFF]) }
        #expect {
            try Transaction(jsonBytes: bytes)
        } throws: { error in
            (error as! FieldError).field == field && "\(error)".contains("not valid UTF-8")
        }
    }

    @Test func aQuarantinedRecordKeepsItsBytesAndSaysHow() {
        let bytes = Self.paymentWithLatin1Merchant() + Array(" back\\slash \\xE9".utf8)
        let record = BusRecord(topic: "payments.raw", partition: 2, offset: 9, key: [], value: bytes, headers: [], timestamp: 0)
        let error = FieldError(field: "merchant", value: "", reason: "not valid UTF-8")
        let quarantined = PaymentMessages.quarantined(record, error: error)
        #expect(!quarantined.raw.contains("\u{FFFD}"))
        #expect(quarantined.raw.contains("Caf\\xE9") && quarantined.raw.hasSuffix(" back\\\\slash \\\\xE9"))
        #expect(quarantined.reason.hasSuffix(QuarantinedRecord.rawEscapesNote))
        #expect(quarantined.rawBytes == bytes)

        let valid = PaymentMessages.quarantined(BusRecord(topic: "t", partition: 0, offset: 0, key: [], value: Array("a\\xE9".utf8),
                                                          headers: [], timestamp: 0), error: error)
        #expect(valid.raw == "a\\xE9" && valid.reason == error.description && valid.rawBytes == Array("a\\xE9".utf8))
    }

    @Test func aCurrentTransactionsBodyThatIsNotUTF8NamesTheByte() {
        let body = Array("\"{\\\"columns\\\":[\\\"merchant\\\"],\\\"data\\\":[[\\\"Caf".utf8) + [0xE9] + Array("\\\"]]}\"".utf8)
        #expect {
            try CurrentTransactionsFormat.decode(body)
        } throws: { error in
            "\(error)".contains("not valid UTF-8 at byte \(body.firstIndex(of: 0xE9)!)")
        }
    }

    @Test func escapedObjectKeysReadAsTheKeysTheySpell() throws {
        let payment = PaymentMessageTests.payment()
        let json = String(decoding: payment.jsonBytes, as: UTF8.self)
        let escaped = json.replacingOccurrences(of: "\"amt\":", with: "\"\\u0061mt\":")
            .replacingOccurrences(of: "\"cc_num\":", with: "\"cc\\u005Fnum\":")
        #expect(escaped.contains("\"\\u0061mt\":") && escaped.contains("\"cc\\u005Fnum\":"))
        #expect(try Transaction(jsonBytes: Array(escaped.utf8)) == payment)
        // `merch\/long` spells `merch/long`, another (unknown) key: the required `merch_long` is then missing.
        let other = json.replacingOccurrences(of: "\"merch_long\":", with: "\"merch\\/long\":")
        #expect(throws: FieldError(field: "merch_long", value: "", reason: "missing")) { try Transaction(jsonBytes: Array(other.utf8)) }
    }
}
