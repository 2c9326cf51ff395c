import ArgumentParser
import FraudCore
import FraudStore

/// `fraud models rollback`: move `champion` back to the version it had before.
struct ModelsRollbackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollback", abstract: "Move the champion back to the previous version (exit code 2 when there is none).")

    @OptionGroup var options: RegistryChangeOptions

    func run() async throws {
        let outcome = try await withDatabase(options.database) { store in
            let outcome = try await options.registry.registry(store).rollback(by: options.audit.who, reason: options.audit.reason)
            await options.mlflow.mirrorAliases(after: outcome, store: store)
            return outcome
        }
        try outcome.report(json: options.json)
    }
}
