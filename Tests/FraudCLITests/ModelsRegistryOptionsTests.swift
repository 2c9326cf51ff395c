import FraudTesting
import Testing

/// Every `fraud models` subcommand takes the same `--database` and `--registry-dir`, as a user passes them to each.
@Suite("fraud models options")
struct ModelsRegistryOptionsTests {
    @Test(arguments: [
        (["list"], 0), (["history"], 0), (["new-labels"], 0), (["rollback"], 2), (["show", "7"], 1), (["promote", "7"], 1),
        (["import", "missing-artifact"], 1), (["training-set", "--data", "missing.csv", "--out", "out.csv"], 1),
    ])
    func acceptsDatabaseAndRegistryDirectory(subcommand: [String], status: Int) throws {
        let directory = TemporaryDirectory.make("models-options")
        let run = try CommandRun.run(
            CommandRun.fraud, ["models"] + subcommand + ["--database", "sqlite:\(directory)/fraud.db", "--registry-dir", "\(directory)/registry"],
            directory: directory)
        #expect(Int(run.status) == status, "\(subcommand): exit status \(run.status): \(run.errors.suffix(1_000))")
        #expect(!run.errors.contains("Unknown option"), "\(subcommand): \(run.errors)")
    }
}
