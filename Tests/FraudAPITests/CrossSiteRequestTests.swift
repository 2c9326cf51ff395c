import Foundation
import FraudAPI
import FraudStore
import HummingbirdTesting
import Testing

/// Requests a web page open in the analyst's browser could make (issue 14, item 1), on a server without a token as in
/// the issue, sent over loopback with exactly the headers a browser would send: non-JSON bodies are refused (415),
/// cross-origin writes too (403), and a `Host` that is not the server's (DNS rebinding) gets no answer but a 421;
/// curl-style and same-origin requests still work.
@Suite struct CrossSiteRequestTests {
    static let withoutToken = APIServer.Configuration(port: 0, token: nil, allowedHosts: ["fraud.internal"], championCheckInterval: .zero)

    @Test func nonJSONAndCrossOriginWritesAreRefused() async throws {
        let fixture = try await APIFixture.make(configuration: Self.withoutToken)
        let rows = try await fixture.seed(count: 10)
        let labels = rows.map { "{\"trans_num\":\"\($0.transaction.transNum)\",\"is_fraud\":true}" }
        try await fixture.test { client in
            let port = try #require(client.port)
            let refused: [(headers: [(String, String)], status: Int, field: String)] = [
                ([("Content-Type", "text/plain"), ("Origin", "http://evil.example")], 403, "Origin"),  // the request
                ([("Content-Type", "text/plain")], 415, "Content-Type"),
                ([("Content-Type", "application/x-www-form-urlencoded")], 415, "Content-Type"),
                ([], 415, "Content-Type"),
                ([("Content-Type", "application/json"), ("Origin", "http://evil.example")], 403, "Origin"),
                ([("Content-Type", "application/json"), ("Origin", "http://127.0.0.1:\(port + 1)")], 403, "Origin"),
                ([("Content-Type", "application/json"), ("Origin", "null")], 403, "Origin"),
                ([("Content-Type", "application/json"), ("Sec-Fetch-Site", "cross-site")], 403, "Sec-Fetch-Site"),
                ([("Content-Type", "application/json"), ("Sec-Fetch-Site", "same-site")], 403, "Sec-Fetch-Site"),
            ]
            for (headers, status, field) in refused {
                let answer = try await RawHTTPConnection.request(port: port, "POST", "/v1/labels", headers: headers, body: labels[0])
                #expect(answer.status == status, "\(headers)")
                #expect(answer.field == field, "\(headers): \(answer.body)")
            }
            let emptyCrossOrigin = try await RawHTTPConnection.request(port: port, "POST", "/v1/models/rollback", headers: [("Origin", "http://evil.example")])
            #expect(emptyCrossOrigin.status == 403 && emptyCrossOrigin.field == "Origin")

            // curl (no Origin), this server's own page, and a JSON type with parameters are accepted.
            let accepted: [[(String, String)]] = [
                [("Content-Type", "application/json")],
                [("Content-Type", "application/json; charset=utf-8"), ("Origin", "http://127.0.0.1:\(port)"), ("Sec-Fetch-Site", "same-origin")],
                [("Content-Type", "Application/JSON")],
            ]
            for (index, headers) in accepted.enumerated() {
                let answer = try await RawHTTPConnection.request(port: port, "POST", "/v1/labels", headers: headers, body: labels[index + 1])
                #expect(answer.status == 200, "\(headers): \(answer.body)")
            }
            // An empty body needs no Content-Type: it means {} on the model routes (here: nothing to roll back to).
            #expect(try await RawHTTPConnection.request(port: port, "POST", "/v1/models/rollback").status == 409)
            let labelled = Set(try await fixture.store.labelled(after: nil, limit: 100).map(\.transNum))
            #expect(labelled == Set(rows[1...3].map(\.transaction.transNum)))
        }
    }

    @Test func onlyTheServersOwnHostNamesAreAnswered() async throws {
        let fixture = try await APIFixture.make(configuration: Self.withoutToken)
        let rows = try await fixture.seed(count: 3)
        try await fixture.test { client in
            let port = try #require(client.port)
            for host in ["evil.example", "evil.example:\(port)", "127.0.0.1.evil.example:\(port)", "localhost.evil.example"] {
                let answer = try await RawHTTPConnection.request(port: port, "GET", "/v1/transactions", host: host)
                #expect(answer.status == 421, "\(host)")
                #expect(answer.field == "Host", "\(host)")
                #expect(!answer.body.contains(rows[0].transaction.transNum))
            }
            let write = try await RawHTTPConnection.request(port: port, "POST", "/v1/labels", host: "evil.example:\(port)",
                                                            headers: [("Content-Type", "application/json")],
                                                            body: "{\"trans_num\":\"\(rows[0].transaction.transNum)\",\"is_fraud\":true}")
            #expect(write.status == 421)
            for host in ["127.0.0.1:\(port)", "localhost:\(port)", "LOCALHOST", "[::1]:\(port)", "10.1.2.3:\(port)", "fraud.internal:\(port)", "fraud.internal"] {
                #expect(try await RawHTTPConnection.request(port: port, "GET", "/healthz", host: host).status == 200, "\(host)")
            }
            let missing = try await RawHTTPConnection.request(port: port, "GET", "/healthz", host: "")
            #expect(missing.status == 400 && missing.field == "Host")
            #expect(try await fixture.store.labelled(after: nil, limit: 10).isEmpty)
        }
    }
}
