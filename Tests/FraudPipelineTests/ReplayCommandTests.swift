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
        #expect(run.errors.contains("replay: 0 sent, 0 stored") || run.errors.contains(" stored, "), "no progress line: \(run.errors.suffix(2_000))")
        #expect(report["complete"] as? Bool == true)
        #expect(report["scope"] as? String == "stored")
        #expect((report["rows_per_second"] as? Double ?? 0) > 0)
        let store = try await StoreFactory.open(database)
        #expect(try await store.counts().transactions == rows)
        try await store.close()
    }

    @Test("fraud replay of the next file in a new process continues the card history: scores equal one replay of both")
    func nextFileContinuesTheHistory() async throws {
        let payments = FeatureStateIdentityTests.payments
        let half = payments.count / 2
        let first = try SimulatedData.writeCSV(Array(payments[..<half]), name: "first-half")
        let second = try SimulatedData.writeCSV(Array(payments[half...]), name: "second-half")
        let whole = try SimulatedData.writeCSV(payments, name: "both-halves")
        let model = try PipelineFixtures.artifactDirectory()

        func replay(_ files: [String], directory: String) throws {
            for file in files {
                let run = try CommandRun.run(CommandRun.fraud, [
                    "replay", "--data", file, "--model", model, "--database", "sqlite:\(directory)/fraud.db", "--bus", "embedded:\(directory)/bus",
                ])
                #expect(run.status == 0, "exit status \(run.status): \(run.errors.suffix(2_000))")
            }
        }
        let split = TemporaryDirectory.make("replay-split"), together = TemporaryDirectory.make("replay-together")
        try replay([first, second], directory: split)
        try replay([whole], directory: together)
        let reference = try await FeatureStateIdentityTests.scores("sqlite:\(together)/fraud.db")
        try FeatureStateIdentityTests.expectIdentical(try await FeatureStateIdentityTests.scores("sqlite:\(split)/fraud.db"), reference)
    }
}
