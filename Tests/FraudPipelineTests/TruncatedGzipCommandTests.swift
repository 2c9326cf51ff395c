import Foundation
import FraudTesting
import Testing

/// Issue 14: a gzip file of 15,498 simulated payments cut to 60 % of its bytes read as a complete, shorter file:
/// `fraud inspect` exited 0 with 9,283 rows and `fraud replay` reported `"complete": true`. Both now fail, naming the
/// file and the compressed byte where it ends, and nothing is reported complete.
@Suite("fraud inspect and replay of a truncated gzip file (the built executable)")
struct TruncatedGzipCommandTests {
    /// The cut file and its kept byte count.
    static func truncatedFile() throws -> (path: String, kept: Int) {
        let csv = try SimulatedData.csvFile(rows: 15_498, seed: 14)
        let gzip = try CommandRun.run("gzip", [csv])
        try #require(gzip.status == 0, "gzip: \(gzip.errors)")
        let path = csv + ".gz"
        let compressed = try Data(contentsOf: URL(fileURLWithPath: path))
        let kept = compressed.count * 6 / 10
        try compressed.prefix(kept).write(to: URL(fileURLWithPath: path))
        return (path, kept)
    }

    static func message(_ file: (path: String, kept: Int)) -> String {
        "cannot read '\(file.path)': truncated gzip stream at compressed byte \(file.kept)"
    }

    @Test func inspectFailsNamingTheFileAndTheByte() throws {
        let file = try Self.truncatedFile()
        let run = try CommandRun.run(CommandRun.fraud, ["inspect", "--data", file.path, "--json"])
        #expect(run.status != 0, "exit status 0: \(run.output.prefix(500))")
        #expect(run.errors.contains(Self.message(file)), "\(run.errors.suffix(2_000))")
        #expect(!run.output.contains("\"rows\""), "a report was printed: \(run.output.prefix(500))")
    }

    @Test func replayFailsAndReportsNothingComplete() throws {
        let file = try Self.truncatedFile()
        let directory = TemporaryDirectory.make("replay-truncated")
        let run = try CommandRun.run(CommandRun.fraud, [
            "replay", "--data", file.path, "--model", try PipelineFixtures.artifactDirectory(),
            "--database", "sqlite:\(directory)/fraud.db", "--bus", "embedded:\(directory)/bus", "--json",
        ])
        #expect(run.status != 0, "exit status 0: \(run.output.prefix(500))")
        #expect(run.errors.contains(Self.message(file)), "\(run.errors.suffix(2_000))")
        #expect(run.json["complete"] as? Bool != true, "\(run.output.prefix(500))")
    }
}
