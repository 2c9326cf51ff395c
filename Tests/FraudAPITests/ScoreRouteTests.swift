import Foundation
import FraudAPI
import FraudCore
import FraudTesting
import Hummingbird
import HummingbirdTesting
import Testing

/// `POST /v1/score` on a live server: one payment, a batch, no side effects, and field-naming errors.
@Suite struct ScoreRouteTests {
    let payments = SimulatedData.transactions(rows: 5, seed: 3)

    @Test func scoresOnePaymentAndABatchWithoutSideEffects() async throws {
        let fixture = try await APIFixture.make()
        let payments = self.payments
        try await fixture.test { client in
            let one = try await client.send(.post, "/v1/score?reasons=all", json: paymentJSON(payments[0]))
            #expect(one.status == .ok)
            let decision = one.object
            #expect(decision["trans_num"] as? String == payments[0].transNum)
            #expect(decision["model_version"] as? String == fixture.championVersion)
            let score = try #require(decision["score"] as? Double)
            let threshold = try #require(decision["threshold"] as? Double)
            #expect((0...1).contains(score))
            #expect(decision["prediction"] as? Bool == (score >= threshold))
            let reasons = try #require(decision["reasons"] as? [[String: Any]])
            #expect(reasons.count == 3 && reasons.allSatisfy { $0["feature"] is String && $0["contribution"] is Double })

            let batch = "[" + payments.map(paymentJSON).joined(separator: ",") + "]"
            let answer = try await client.send(.post, "/v1/score", json: batch)
            #expect(answer.status == .ok)
            let decisions = try #require(answer.json as? [[String: Any]])
            #expect(decisions.map { $0["trans_num"] as? String } == payments.map(\.transNum))
            #expect(decisions[0]["score"] as? Double == score)

            // Scoring stores nothing and sends nothing.
            #expect(try await fixture.store.counts().transactions == 0)
            #expect(!FileManager.default.fileExists(atPath: fixture.root + "/bus/topics/" + PaymentMessages.rawTopic))
        }
    }

    @Test func aBadFieldIsAProblemNamingTheElementAndField() async throws {
        let fixture = try await APIFixture.make()
        var bad = payments
        bad[2].amount = -5
        let body = "[" + bad.map(paymentJSON).joined(separator: ",") + "]"
        try await fixture.test { client in
            let answer = try await client.send(.post, "/v1/score", json: body)
            #expect(answer.status == .badRequest)
            #expect(answer.headers[.contentType] == "application/problem+json")
            #expect(answer.object["field"] as? String == "[2].amt")
            #expect(answer.object["status"] as? Int == 400)
            #expect((answer.object["detail"] as? String)?.contains("negative amount") == true)

            let missing = try await client.send(.post, "/v1/score", json: "{\"cc_num\": 1}")
            #expect(missing.status == .badRequest)
            #expect(missing.object["field"] as? String == "trans_date_trans_time")

            let notJSON = try await client.send(.post, "/v1/score", json: "{\"amt\": tru")
            #expect(notJSON.status == .badRequest)
            #expect(notJSON.object["field"] as? String == "amt")

            let badOption = try await client.send(.post, "/v1/score?reasons=some", json: paymentJSON(payments[0]))
            #expect(badOption.status == .badRequest && badOption.object["field"] as? String == "reasons")
        }
    }

    @Test func anOversizedBodyIsRefusedWith413() async throws {
        let fixture = try await APIFixture.make(configuration: .init(port: 0, token: APIFixture.token, maxBodyBytes: 4096))
        let body = "[" + SimulatedData.transactions(rows: 20, seed: 4).map(paymentJSON).joined(separator: ",") + "]"
        #expect(body.utf8.count > 4096)
        try await fixture.test { client in
            let answer = try await client.send(.post, "/v1/score", json: body)
            #expect(answer.status == .contentTooLarge)
            #expect(answer.object["field"] as? String == "body")
            #expect((answer.object["detail"] as? String)?.contains("4096") == true)
        }
    }
}
