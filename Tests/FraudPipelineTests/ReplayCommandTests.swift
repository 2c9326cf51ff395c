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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: HelperExecutable.path("fraud"))
        process.arguments = ["replay", "--data", csv, "--model", model, "--database", database, "--bus", "embedded:\(directory)/bus", "--json"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)

        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(report["rows"] as? Int == rows)
        #expect(report["complete"] as? Bool == true)
        #expect(report["scope"] as? String == "stored")
        #expect((report["rows_per_second"] as? Double ?? 0) > 0)
        let store = try await StoreFactory.open(database)
        #expect(try await store.counts().transactions == rows)
        try await store.close()
    }
}
