import ArgumentParser
import FraudCore
import FraudStore

/// `fraud models rollback`: move `champion` back to the version it had before.
struct ModelsRollbackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollback", abstract: "Move the champion back to the previous version (exit code 2 when there is none).")

    @OptionGroup var audit: AuditOptions
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var registry: RegistryOptions
    @OptionGroup var mlflow: MLflowOptions

    @Flag(name: .long, help: "Print one JSON object.")
    var json = false

    func run() async throws {
        let outcome = try await withDatabase(database) { store in
            let outcome = try await registry.registry(store).rollback(by: audit.who, reason: audit.reason)
            await mlflow.mirrorAliases(after: outcome, store: store)
            return outcome
        }
        try outcome.report(json: json)
    }
}
