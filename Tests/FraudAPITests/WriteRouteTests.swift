import Foundation
import FraudAPI
import FraudCore
import FraudTesting
import Hummingbird
import HummingbirdTesting
import Testing

/// Write and admin routes on a live server: bearer token, ingest into `payments.raw`, labels, promotion and rollback.
@Suite struct WriteRouteTests {
    @Test func writeAndAdminRoutesNeedTheBearerToken() async throws {
        let fixture = try await APIFixture.make()
        let label = "{\"trans_num\": \"x\", \"is_fraud\": true}"
        try await fixture.test { client in
            for token in [nil, "wrong", APIFixture.token + "x"] {
                for (uri, body) in [("/v1/labels", label), ("/v1/payments", "[]"), ("/v1/models/1/promote", "{}"), ("/v1/models/rollback", "{}")] {
                    let answer = try await client.send(.post, uri, json: body, token: token)
                    #expect(answer.status == .unauthorized, "\(uri) with token \(token ?? "none")")
                    #expect(answer.object["field"] as? String == "Authorization")
                    #expect(answer.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
                }
            }
            #expect(try await client.send(.get, "/v1/transactions", token: nil).status == .unauthorized)
        }
    }

    @Test func acceptedPaymentsAreOnThePaymentsRawTopic() async throws {
        let fixture = try await APIFixture.make()
        let payments = SimulatedData.transactions(rows: 7, seed: 5)
        try await fixture.test { client in
            let answer = try await client.send(.post, "/v1/payments", json: "[" + payments.map(paymentJSON).joined(separator: ",") + "]")
            #expect(answer.status == .accepted)
            #expect(answer.object["accepted"] as? Int == 7)
            #expect(answer.object["trans_nums"] as? [String] == payments.map(\.transNum))

            let one = try await client.send(.post, "/v1/payments", json: paymentJSON(payments[0]))
            #expect(one.status == .accepted && one.object["accepted"] as? Int == 1)

            var invalid = payments[1]
            invalid.latitude = 91
            let refused = try await client.send(.post, "/v1/payments", json: "[\(paymentJSON(payments[2])),\(paymentJSON(invalid))]")
            #expect(refused.status == .badRequest && refused.object["field"] as? String == "[1].lat")
        }
        let consumer = try await fixture.bus.makeConsumer(group: "api-test", topics: [PaymentMessages.rawTopic])
        var received: [Transaction] = []
        while received.count < 8 {
            let records = try await consumer.poll(maxRecords: 100, timeout: .seconds(5))
            #expect(!records.isEmpty, "payments.raw ran dry after \(received.count) records")
            if records.isEmpty { break }
            received += try records.map { try PaymentMessages.transaction(from: $0) }
        }
        try await consumer.close()
        // Exactly the accepted payments (7 + 1 resent), none of the refused request.
        #expect(received.count == 8)
        #expect(Set(received.map(\.transNum)) == Set(payments.map(\.transNum)))
        #expect(received.first { $0.transNum == payments[3].transNum } == payments[3])
    }

    @Test func labelsSetTrueValueAllOrNothing() async throws {
        let fixture = try await APIFixture.make()
        let rows = try await fixture.seed(count: 20)
        try await fixture.test { client in
            let one = try await client.send(.post, "/v1/labels", json: "{\"trans_num\": \"\(rows[0].transaction.transNum)\", \"is_fraud\": true, \"labeled_by\": \"ana\"}")
            #expect(one.status == .ok && one.object["labelled"] as? Int == 1 && one.object["labeled_by"] as? String == "ana")

            let many = "{\"labels\": [{\"trans_num\": \"\(rows[1].transaction.transNum)\", \"is_fraud\": false}, {\"trans_num\": \"\(rows[2].transaction.transNum)\", \"is_fraud\": true}]}"
            let answer = try await client.send(.post, "/v1/labels", json: many)
            #expect(answer.status == .ok && answer.object["labelled"] as? Int == 2 && answer.object["frauds"] as? Int == 1)

            let unknown = "{\"labels\": [{\"trans_num\": \"\(rows[3].transaction.transNum)\", \"is_fraud\": true}, {\"trans_num\": \"nope\", \"is_fraud\": true}]}"
            let refused = try await client.send(.post, "/v1/labels", json: unknown)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.object["field"] as? String == "trans_num")
            #expect((refused.object["detail"] as? String)?.contains("'nope'") == true)

            let wrongType = try await client.send(.post, "/v1/labels", json: "{\"trans_num\": \"a\", \"is_fraud\": \"yes\"}")
            #expect(wrongType.status == .badRequest && wrongType.object["field"] as? String == "is_fraud")
            let missing = try await client.send(.post, "/v1/labels", json: "{\"trans_num\": \"a\"}")
            #expect(missing.status == .badRequest && missing.object["field"] as? String == "is_fraud")
            let badItem = try await client.send(.post, "/v1/labels", json: "{\"labels\": [{\"trans_num\": \"a\"}]}")
            #expect(badItem.status == .badRequest && badItem.object["field"] as? String == "labels[0].is_fraud")

            let labelled = try await fixture.store.labelled(after: nil, limit: 100)
            #expect(labelled.map(\.transNum).sorted() == rows[0..<3].map(\.transaction.transNum).sorted())
            #expect(labelled.first { $0.transNum == rows[0].transaction.transNum }?.labeledBy == "ana")
            #expect(labelled.first { $0.transNum == rows[1].transaction.transNum }?.trueValue == false)
        }
    }

    @Test func promoteAndRollbackMoveTheChampion() async throws {
        let fixture = try await APIFixture.make()
        let second = try await fixture.registry.importArtifact(from: TestModel.artifactDirectory).version
        try await fixture.test { client in
            let same = try await client.send(.post, "/v1/models/\(fixture.championVersion)/promote", json: "{}")
            #expect(same.status == .conflict)
            #expect((same.object["detail"] as? String)?.contains("already the champion") == true)

            let moved = try await client.send(.post, "/v1/models/\(second)/promote", json: "{\"force\": true, \"reason\": \"test\", \"by\": \"ana\"}")
            #expect(moved.status == .ok)
            #expect((moved.object["alias"] as? [String: Any])?["version"] as? String == second)
            #expect(moved.object["from_version"] as? String == fixture.championVersion)
            #expect(moved.object["action"] as? String == "force_promote")

            let listing = try await client.send(.get, "/v1/models", token: nil)
            let models = try #require(listing.object["models"] as? [[String: Any]])
            #expect(models.first { $0["version"] as? String == second }?["aliases"] as? [String] == ["champion"])

            // The scorer follows the champion (the fixture looks for a new one at every call).
            let payment = paymentJSON(SimulatedData.transactions(rows: 1, seed: 9)[0])
            #expect(try await client.send(.post, "/v1/score", json: payment).object["model_version"] as? String == second)

            let back = try await client.send(.post, "/v1/models/rollback", json: "")
            #expect(back.status == .ok && (back.object["alias"] as? [String: Any])?["version"] as? String == fixture.championVersion)

            let unknown = try await client.send(.post, "/v1/models/99/promote", json: "{}")
            #expect(unknown.status == .notFound && unknown.object["field"] as? String == "version")
        }
    }
}
