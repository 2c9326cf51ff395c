import Foundation
import FraudAPI
import FraudCore
import FraudTesting
import Hummingbird
import HummingbirdTesting
import Testing

/// The read routes (transactions, alerts, reports), run against SQLite and, when `FRAUD_TEST_POSTGRES_URL` is set,
/// PostgreSQL.
@Suite struct ReadRouteTests {
    /// nil for SQLite, else the PostgreSQL URL; PostgreSQL is skipped (with a printed reason) when the variable is unset.
    static let databases: [String?] = {
        guard let url = ProcessInfo.processInfo.environment["FRAUD_TEST_POSTGRES_URL"], !url.isEmpty else {
            print("SKIPPED PostgreSQL API read-route tests: FRAUD_TEST_POSTGRES_URL is not set")
            return [nil]
        }
        return [nil, url]
    }()

    @Test(arguments: databases)
    func transactionsAreFilteredAndPagedByCursor(postgres: String?) async throws {
        let fixture = try await APIFixture.make(postgresURL: postgres)
        let rows = try await fixture.seed(count: 45)
        try await fixture.test { client in
            var seen: [String] = []
            var cursor: String?
            repeat {
                let uri = "/v1/transactions?limit=10" + (cursor.map { "&cursor=\($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)" } ?? "")
                let page = try await client.send(.get, uri)
                #expect(page.status == .ok)
                let transactions = try #require(page.object["transactions"] as? [[String: Any]])
                #expect(transactions.count <= 10)
                seen += transactions.compactMap { $0["trans_num"] as? String }
                cursor = page.object["next_cursor"] as? String
            } while cursor != nil
            #expect(seen.count == 45 && Set(seen) == Set(rows.map(\.transaction.transNum)))

            let flagged = try await client.send(.get, "/v1/transactions?prediction=true&limit=100")
            let predicted = try #require(flagged.object["transactions"] as? [[String: Any]])
            #expect(predicted.count == rows.filter(\.prediction).count)
            #expect(predicted.allSatisfy { $0["prediction"] as? Bool == true && $0["true_value"] is NSNull })

            let card = rows[0].transaction.ccNum
            let byCard = try await client.send(.get, "/v1/transactions?cc_num=\(card)&from=2020-06-21&to=2020-06-22%2000:00:00&full_card=true")
            let cardRows = try #require(byCard.object["transactions"] as? [[String: Any]])
            #expect(!cardRows.isEmpty && cardRows.allSatisfy { ($0["cc_num"] as? NSNumber)?.int64Value == card })

            for (query, field) in [("limit=0", "limit"), ("from=yesterday", "from"), ("prediction=maybe", "prediction"),
                                   ("label=some", "label"), ("cursor=abc", "cursor"), ("cc_num=-3", "cc_num")] {
                let answer = try await client.send(.get, "/v1/transactions?\(query)")
                #expect(answer.status == .badRequest, "\(query)")
                #expect(answer.object["field"] as? String == field, "\(query)")
            }
        }
    }

    @Test(arguments: databases)
    func alertQueueAndPerformanceFollowLabels(postgres: String?) async throws {
        let fixture = try await APIFixture.make(postgresURL: postgres)
        let rows = try await fixture.seed(count: 40)
        let flagged = rows.filter(\.prediction)
        try await fixture.store.label(transNum: flagged[0].transaction.transNum, isFraud: true, by: "test", at: fixture.clock())
        try await fixture.store.label(transNum: flagged[1].transaction.transNum, isFraud: false, by: "test", at: fixture.clock())
        try await fixture.store.label(transNum: rows.first { !$0.prediction }!.transaction.transNum, isFraud: true, by: "test", at: fixture.clock())
        try await fixture.test { client in
            let all = try #require(try await client.send(.get, "/v1/alerts").object["alerts"] as? [[String: Any]])
            #expect(all.count == flagged.count)
            let first = try #require(all.first)
            #expect(first["reasons"] is [[String: Any]] && first["score"] is Double && first["raised_at"] is String)
            let queue = try #require(try await client.send(.get, "/v1/alerts?unlabelled=true&limit=50").object["alerts"] as? [[String: Any]])
            #expect(Set(queue.compactMap { $0["trans_num"] as? String }) == Set(flagged[2...].map(\.transaction.transNum)))

            let performance = try await client.send(.get, "/v1/reports/performance", token: nil).object
            #expect(performance["labelled"] as? Int == 3)
            #expect(performance["true_positives"] as? Int == 1 && performance["false_positives"] as? Int == 1 && performance["false_negatives"] as? Int == 1)
            #expect(performance["precision"] as? Double == 0.5 && performance["recall"] as? Double == 0.5 && performance["f1"] as? Double == 0.5)

            let activity = try await client.send(.get, "/v1/reports/activity?window=60", token: nil).object
            #expect(activity["payments"] as? Int == 40)
            #expect(activity["predicted_frauds"] as? Int == flagged.count)
            #expect(activity["latency_p99_ms"] as? Double == 2)
            #expect(try await client.send(.get, "/v1/reports/activity?window=0", token: nil).status == .badRequest)
        }
    }

    @Test(arguments: databases)
    func driftReportsEmbedTheStoredReport(postgres: String?) async throws {
        let fixture = try await APIFixture.make(postgresURL: postgres)
        let report = "{\"dataset_drift\":true,\"drift_share\":0.5,\"features\":[{\"name\":\"amt\",\"test\":\"wasserstein\",\"score\":0.3,\"threshold\":0.1,\"drifted\":true}]}"
        try await fixture.store.save(DriftReportRecord(createdAt: WallClock.now, datasetDrift: true, driftedShare: 0.5, json: report))
        try await fixture.test { client in
            let answer = try await client.send(.get, "/v1/reports/drift?limit=5", token: nil)
            let reports = try #require(answer.object["reports"] as? [[String: Any]])
            #expect(reports.count == 1)
            let body = try #require(reports[0]["report"] as? [String: Any])
            let features = try #require(body["features"] as? [[String: Any]])
            #expect(features[0]["name"] as? String == "amt" && features[0]["drifted"] as? Bool == true)
            #expect(reports[0]["dataset_drift"] as? Bool == true)
        }
    }
}
