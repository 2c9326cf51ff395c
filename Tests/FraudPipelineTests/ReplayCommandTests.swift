import Foundation
import FraudCore
import FraudStore
import FraudTesting
import Testing

@Suite("fraud replay (the built executable)")
struct ReplayCommandTests {
    @Test("on the embedded bus it scores and stores every row, then prints one JSON object")
    func replayPrintsJSON() async throws {
        let rows = 2_000
        let csv = try SimulatedData.csvFile(rows: rows, seed: 21)
        let directory = TemporaryDirectory.make("replay-command")
        let model = try PipelineFixtures.artifactDirectory()
        let database = "sqlite:\(directory)/fraud.db"
        let run = try CommandRun.run(
            CommandRun.fraud,
            ["replay", "--data", csv, "--model", model, "--database", database, "--bus", "embedded:\(directory)/bus", "--json"])
        #expect(run.status == 0, "exit status \(run.status): \(run.errors.suffix(2_000))")

        let report = run.json
        #expect(report["rows"] as? Int == rows)
        #expect(report["complete"] as? Bool == true)
        #expect(report["scope"] as? String == "stored")
        #expect((report["rows_per_second"] as? Double ?? 0) > 0)
        let store = try await StoreFactory.open(database)
        #expect(try await store.counts().transactions == rows)
        try await store.close()
    }
}
