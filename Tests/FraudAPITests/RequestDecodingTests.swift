import Foundation
import FraudAPI
import FraudCore
import FraudTesting
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// Issue 14 on a live server: query strings are form-urlencoded (`+` is a space), request bodies must be UTF-8 (a
/// string that is not is a 400 naming the field, never stored with U+FFFD), JSON keys with escapes are accepted, and
/// members and parameters a route does not take are a 400 naming them.
@Suite struct RequestDecodingTests {
    /// `json` with `marker` replaced by the byte 0xE9 (a Latin-1 `é`, not UTF-8).
    static func latin1(_ json: String, marker: String = "é") -> ByteBuffer {
        var bytes = Array(json.utf8)
        let utf8 = Array(marker.utf8)
        while let range = bytes.firstRange(of: utf8) { bytes.replaceSubrange(range, with: [0xE9]) }
        return ByteBuffer(bytes: bytes)
    }

    static func post(_ client: any TestClientProtocol, _ uri: String, _ body: ByteBuffer) async throws -> TestResponse {
        let headers: HTTPFields = [.contentType: "application/json", .authorization: "Bearer \(APIFixture.token)"]
        return try await client.execute(uri: uri, method: .post, headers: headers, body: body) { $0 }
    }

    @Test func queryStringsAreFormURLEncoded() async throws {
        let fixture = try await APIFixture.make()
        try await fixture.seed(count: 45)
        try await fixture.test { client in
            let encoded = try await client.send(.get, "/v1/transactions?from=2020-06-21%2000:30:00&limit=100")
            let plus = try await client.send(.get, "/v1/transactions?from=2020-06-21+00%3A30%3A00&limit=100")
            #expect(plus.status == .ok, "\(plus.text)")
            #expect(encoded.status == .ok && plus.text == encoded.text)
            let all = try await client.send(.get, "/v1/transactions?limit=100")
            // The payments are a minute apart from midnight: 00:30:00 on keeps the last 15 of 45.
            #expect((plus.object["transactions"] as? [Any])?.count == 15 && (all.object["transactions"] as? [Any])?.count == 45)

            for (query, field, detail) in [("limit=1&limit=2", "limit", "given more than once"),
                                           ("from=2020-06-21%2", "from", "two hexadecimal digits"),
                                           ("cursor=ab%FFc", "cursor", "not valid UTF-8"),
                                           ("lmit=5", "lmit", "unknown query parameter")] {
                let answer = try await client.send(.get, "/v1/transactions?\(query)")
                #expect(answer.status == .badRequest && answer.object["field"] as? String == field, "\(query): \(answer.text)")
                #expect((answer.object["detail"] as? String)?.contains(detail) == true, "\(query): \(answer.text)")
            }
        }
    }

    @Test func bodiesThatAreNotUTF8AreRefusedNamingTheField() async throws {
        let fixture = try await APIFixture.make()
        let rows = try await fixture.seed(count: 2)
        let payments = SimulatedData.transactions(rows: 2, seed: 9).enumerated().map { index, payment in
            var payment = payment
            if index == 1 { payment.merchant = "Café" }
            return payment
        }
        try await fixture.test { client in
            let one = try await Self.post(client, "/v1/score", Self.latin1(paymentJSON(payments[1])))
            #expect(one.status == .badRequest && one.object["field"] as? String == "merchant", "\(one.text)")
            #expect((one.object["detail"] as? String)?.contains("not valid UTF-8: byte 0xE9 at offset 3") == true, "\(one.text)")
            let batch = try await Self.post(client, "/v1/payments", Self.latin1("[\(paymentJSON(payments[0])),\(paymentJSON(payments[1]))]"))
            #expect(batch.status == .badRequest && batch.object["field"] as? String == "[1].merchant", "\(batch.text)")

            let transNum = rows[0].transaction.transNum
            for (uri, json, field) in [
                ("/v1/labels", "{\"trans_num\": \"\(transNum)é\", \"is_fraud\": true}", "trans_num"),
                ("/v1/labels", "{\"labels\": [{\"trans_num\": \"\(transNum)\", \"is_fraud\": true}], \"labeled_by\": \"Zoé\"}", "labeled_by"),
                ("/v1/labels", "{\"trans_num\": \"\(transNum)\", \"is_fraud\": true, \"é\": 1}", "\\xE9"),
                ("/v1/models/rollback", "{\"reason\": \"café\"}", "reason"),
            ] {
                let answer = try await Self.post(client, uri, Self.latin1(json))
                #expect(answer.status == .badRequest && answer.object["field"] as? String == field, "\(json): \(answer.text)")
                #expect((answer.object["detail"] as? String)?.contains("not valid UTF-8") == true, "\(json): \(answer.text)")
            }
            #expect(try await fixture.store.counts().labelled == 0)
        }
    }

    @Test func jsonKeysWithEscapesAreTheKeysTheySpell() async throws {
        let fixture = try await APIFixture.make()
        let rows = try await fixture.seed(count: 1)
        let payment = SimulatedData.transactions(rows: 1, seed: 3)[0]
        try await fixture.test { client in
            let plain = try await client.send(.post, "/v1/score?history=request", json: paymentJSON(payment))
            let escaped = try await client.send(.post, "/v1/score?history=request",
                                                json: paymentJSON(payment).replacingOccurrences(of: "\"amt\":", with: "\"\\u0061mt\":"))
            #expect(plain.status == .ok && escaped.status == .ok, "\(escaped.text)")
            #expect(escaped.object["score"] as? Double == plain.object["score"] as? Double)

            let label = try await client.send(.post, "/v1/labels",
                                              json: "{\"trans_\\u006eum\": \"\(rows[0].transaction.transNum)\", \"is_fr\\u0061ud\": true}")
            #expect(label.status == .ok && label.object["labelled"] as? Int == 1, "\(label.text)")
        }
    }

    @Test func membersARouteDoesNotTakeAreRefusedNamingThem() async throws {
        let fixture = try await APIFixture.make()
        try await fixture.test { client in
            for (uri, json, field) in [("/v1/models/rollback", "{\"force\": true}", "force"),
                                       ("/v1/models/1/promote", "{\"forse\": true}", "forse"),
                                       ("/v1/labels", "{\"trans_num\": \"x\", \"is_fraud\": true, \"by\": \"me\"}", "by")] {
                let answer = try await client.send(.post, uri, json: json)
                #expect(answer.status == .badRequest && answer.object["field"] as? String == field, "\(json): \(answer.text)")
                #expect((answer.object["detail"] as? String)?.contains("unknown member") == true, "\(json): \(answer.text)")
            }
        }
    }
}
