import Foundation
import FraudCore
import FraudStore
import FraudTesting
import Testing

/// `fraud demo` end to end, as a user runs it: the built executable, the embedded defaults in a fresh directory.
@Suite("fraud demo")
struct DemoCommandTests {
    @Test func trainsAFirstChampionThenScoresStoresAlertsAndServes() async throws {
        let directory = TemporaryDirectory.make("demo")
        let run = try CommandRun.run(
            CommandRun.fraud,
            ["demo", "--duration", "6", "--rate", "400", "--training-rows", "5000", "--port", "0"],
            environment: [
                "FRAUD_DATABASE_URL": "sqlite:\(directory)/fraud.db", "FRAUD_REGISTRY_DIR": "\(directory)/registry",
                "FRAUD_BUS": "embedded:\(directory)/bus", "FRAUD_ALERT_WEBHOOK_URL": "", "FRAUD_SMTP_URL": "",
            ],
            directory: directory)
        #expect(run.status == 0, "exit status \(run.status): \(run.errors.suffix(2_000))")
        #expect(run.errors.contains("trained and promoted model version 1"), "a first champion is trained")
        #expect(run.errors.contains("dashboard http://127.0.0.1:"), "the API and dashboard are served")
        #expect(run.output.contains("payments/s"), "the live one-line summary is printed")

        let store = try await SQLiteStore.open(path: "\(directory)/fraud.db")
        let counts = try await store.counts()
        let champion = try await store.alias(AliasRecord.champion)
        let page = try await store.transactions(TransactionQuery(limit: 50))
        try await store.close()
        #expect(counts.transactions > 0, "scored payments are stored")
        #expect(champion?.version == "1")
        // Every stored payment carries the model version that scored it; true_value waits for an analyst.
        #expect(!page.rows.isEmpty && page.rows.allSatisfy { $0.scored.modelVersion == "1" && $0.trueValue == nil })
    }
}
