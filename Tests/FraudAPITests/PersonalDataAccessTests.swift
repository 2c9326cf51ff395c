import Foundation
import FraudAPI
import FraudCore
import Hummingbird
import HummingbirdTesting
import Testing

/// Who reads payments (issue 14, items 2 and 3): with tokens set, payment reads and scoring need `FRAUD_API_TOKEN` or
/// the read-only `FRAUD_API_READ_TOKEN`; card numbers are masked unless `full_card=true` with the full token; the
/// read-only token writes nothing; the Bearer scheme is case-insensitive.
@Suite struct PersonalDataAccessTests {
    static let readToken = "read-only-token-2b9e71"

    static func fixture() async throws -> APIFixture {
        try await APIFixture.make(configuration: .init(port: 0, token: APIFixture.token, readToken: readToken, championCheckInterval: .zero))
    }

    @Test func paymentReadsAndScoringNeedAToken() async throws {
        let fixture = try await Self.fixture()
        let rows = try await fixture.seed(count: 20)
        let payment = paymentJSON(rows[0].transaction)
        try await fixture.test { client in
            for token in [nil, "wrong-token-000000000", APIFixture.token + "x"] {
                for uri in ["/v1/transactions", "/v1/alerts", "/v1/alerts?unlabelled=true"] {
                    let answer = try await client.send(.get, uri, token: token)
                    #expect(answer.status == .unauthorized, "\(uri) with \(token ?? "no token")")
                    #expect(answer.object["field"] as? String == "Authorization")
                    #expect(!answer.text.contains(String(rows[0].transaction.ccNum)) && !answer.text.contains(rows[0].transaction.lastName))
                }
                #expect(try await client.send(.post, "/v1/score", json: payment, token: token).status == .unauthorized)
            }
            for token in [Self.readToken, APIFixture.token] {
                #expect(try await client.send(.get, "/v1/transactions", token: token).status == .ok)
                #expect(try await client.send(.get, "/v1/alerts", token: token).status == .ok)
                #expect(try await client.send(.post, "/v1/score", json: payment, token: token).status == .ok)
            }
            // Aggregates and the model list stay open.
            for uri in ["/v1/models", "/v1/reports/activity", "/v1/reports/performance", "/v1/reports/drift", "/healthz"] {
                #expect(try await client.send(.get, uri, token: nil).status == .ok, "\(uri)")
            }
        }
    }

    @Test func cardNumbersAreMaskedUnlessTheFullTokenAsks() async throws {
        let fixture = try await Self.fixture()
        let rows = try await fixture.seed(count: 20)
        let cards = Dictionary(rows.map { ($0.transaction.transNum, $0.transaction.ccNum) }) { first, _ in first }
        try await fixture.test { client in
            for token in [Self.readToken, APIFixture.token] {
                for (uri, key) in [("/v1/transactions?limit=100", "transactions"), ("/v1/alerts", "alerts")] {
                    let answer = try await client.send(.get, uri, token: token)
                    let items = try #require(answer.object[key] as? [[String: Any]])
                    #expect(!items.isEmpty)
                    for item in items {
                        let card = try #require(cards[item["trans_num"] as? String ?? ""])
                        #expect(item["cc_num"] as? String == CardNumberMask.masked(card), "\(uri)")
                        #expect(!answer.text.contains(String(card)), "\(uri) shows a full card number")
                    }
                }
            }
            for (uri, key) in [("/v1/transactions?limit=100&full_card=true", "transactions"), ("/v1/alerts?full_card=true", "alerts")] {
                let refused = try await client.send(.get, uri, token: Self.readToken)
                #expect(refused.status == .forbidden && refused.object["field"] as? String == "full_card", "\(uri)")
                let items = try #require(try await client.send(.get, uri, token: APIFixture.token).object[key] as? [[String: Any]])
                #expect(items.allSatisfy { ($0["cc_num"] as? NSNumber)?.int64Value == cards[$0["trans_num"] as? String ?? ""] }, "\(uri)")
            }
        }
    }

    @Test func theReadOnlyTokenWritesNothing() async throws {
        let fixture = try await Self.fixture()
        let rows = try await fixture.seed(count: 5)
        let label = "{\"trans_num\": \"\(rows[0].transaction.transNum)\", \"is_fraud\": true}"
        try await fixture.test { client in
            for (uri, body) in [("/v1/labels", label), ("/v1/payments", paymentJSON(rows[1].transaction)), ("/v1/models/rollback", "{}")] {
                let answer = try await client.send(.post, uri, json: body, token: Self.readToken)
                #expect(answer.status == .forbidden, "\(uri)")
                #expect(answer.object["field"] as? String == "Authorization", "\(uri)")
            }
            #expect(try await fixture.store.labelled(after: nil, limit: 10).isEmpty)
        }
    }

    @Test func theBearerSchemeIsCaseInsensitive() async throws {
        let fixture = try await Self.fixture()
        try await fixture.test { client in
            for scheme in ["Bearer", "bearer", "BEARER", "bEaReR"] {
                for (token, uri) in [(APIFixture.token, "/v1/models/rollback"), (Self.readToken, "/v1/transactions")] {
                    let method: HTTPRequest.Method = uri.hasSuffix("rollback") ? .post : .get
                    let answer = try await client.execute(uri: uri, method: method, headers: [.authorization: "\(scheme) \(token)"]) { $0 }
                    // rollback: authorised, then refused for want of a previous champion.
                    #expect(answer.status == (method == .post ? .conflict : .ok), "\(scheme) on \(uri)")
                }
            }
            for header in ["Basic \(APIFixture.token)", "Bearer", "Bearer  ", APIFixture.token, "Bearer\t\(APIFixture.token)"] {
                let answer = try await client.execute(uri: "/v1/transactions", method: .get, headers: [.authorization: header]) { $0 }
                #expect(answer.status == .unauthorized, "\(header)")
            }
        }
    }

    @Test func tokensAreCheckedAtStart() throws {
        func refusal(_ configuration: APIServer.Configuration) -> String? {
            do {
                try configuration.validate()
                return nil
            } catch {
                return "\(error)"
            }
        }
        let valid = APIFixture.token
        #expect(refusal(.init(token: "                    "))?.contains("FRAUD_API_TOKEN: blank") == true)
        #expect(refusal(.init(token: "   \(valid)"))?.contains("FRAUD_API_TOKEN: contains whitespace") == true)
        #expect(refusal(.init(token: "short-token-15c"))?.contains("FRAUD_API_TOKEN: too short: use at least 16 characters, e.g. $(openssl rand -hex 16) (got \"(15 characters)\")") == true)
        #expect(refusal(.init(token: valid, readToken: "short"))?.contains("FRAUD_API_READ_TOKEN: too short") == true)
        #expect(refusal(.init(readToken: Self.readToken))?.contains("FRAUD_API_READ_TOKEN: is set without FRAUD_API_TOKEN") == true)
        #expect(refusal(.init(token: valid, readToken: valid))?.contains("equals FRAUD_API_TOKEN") == true)
        #expect(refusal(.init(host: "0.0.0.0"))?.contains("--host: needs FRAUD_API_TOKEN") == true)
        #expect(refusal(.init(host: "192.168.1.20", token: "      \t  "))?.contains("blank") == true)
        #expect(refusal(.init(allowedHosts: ["http://fraud.internal"]))?.contains("(got \"http://fraud.internal\")") == true)
        #expect(refusal(.init(headerTimeout: .zero))?.contains("--header-timeout") == true)
        #expect(refusal(.init(maxConnections: 0))?.contains("--max-connections") == true)
        for configuration in [APIServer.Configuration(), .init(host: "localhost"), .init(host: "::1"), .init(host: "127.0.0.2"),
                              .init(host: "0.0.0.0", token: valid, readToken: Self.readToken, allowedHosts: ["fraud.internal", "*"])] {
            #expect(refusal(configuration) == nil, "\(configuration.host)")
        }
    }
}
