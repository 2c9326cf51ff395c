import FraudTesting
import Testing

/// Human-readable figures are rounded: `fraud train`'s progress and `fraud models show` print 0.2558, not 0.2558139534883721.
@Suite("rounded figures")
struct RoundedFiguresTests {
    /// Every decimal number in `text` with more than 4 digits after the point.
    static func unrounded(_ text: String) -> [Substring] {
        text.matches(of: /\d+\.\d{5,}/).map(\.output)
    }

    @Test func trainingProgressAndModelsShow() throws {
        let directory = TemporaryDirectory.make("rounded")
        let csv = try SimulatedData.writeCSV(SimulatedData.transactions(rows: 3_000, seed: 8, fraudRate: 0.05), name: "rounded")
        let database = ["--database", "sqlite:\(directory)/fraud.db", "--registry-dir", "\(directory)/registry"]
        let train = try CommandRun.run(CommandRun.fraud, ["train", "--data", csv, "--rounds", "30", "--threads", "1", "--out", "\(directory)/m1"])
        #expect(train.status == 0, "exit status \(train.status): \(train.errors.suffix(2_000))")
        #expect(train.errors.contains("validation: pr_auc"), "\(train.errors)")
        #expect(Self.unrounded(train.errors + train.output).isEmpty, "\(train.errors)\n\(train.output)")

        let imported = try CommandRun.run(CommandRun.fraud, ["models", "import", "\(directory)/m1"] + database)
        #expect(imported.status == 0, "\(imported.errors.suffix(2_000))")
        let show = try CommandRun.run(CommandRun.fraud, ["models", "show", "1"] + database)
        #expect(show.status == 0 && show.output.contains("threshold    0."), "\(show.output)\(show.errors.suffix(2_000))")
        #expect(Self.unrounded(show.output).isEmpty, "\(show.output)")
    }
}
