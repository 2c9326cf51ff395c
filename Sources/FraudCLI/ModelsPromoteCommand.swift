import ArgumentParser
import FraudCore
import FraudStore

/// `fraud models promote VERSION`: move `champion` after the validation gate (or `--force`).
struct ModelsPromoteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "promote",
        abstract: "Make VERSION the champion if it is not worse than the current one beyond --tolerance (exit code 2 when refused).")

    @Argument(help: "The model version to promote.")
    var version: String

    @Flag(name: .long, help: "Skip the validation gate (recorded as force_promote).")
    var force = false

    @OptionGroup var audit: AuditOptions
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var registry: RegistryOptions
    @OptionGroup var mlflow: MLflowOptions

    @Flag(name: .long, help: "Print one JSON object.")
    var json = false

    func run() async throws {
        let outcome = try await withDatabase(database) { store in
            let outcome = try await registry.registry(store).promote(version: version, force: force, by: audit.who, reason: audit.reason)
            await mlflow.mirrorAliases(after: outcome, store: store)
            return outcome
        }
        try outcome.report(json: json)
    }
}
