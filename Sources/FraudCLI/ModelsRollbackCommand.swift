import ArgumentParser
import FraudCore
import FraudStore

/// `fraud models rollback`: move `champion` back to the version it had before.
struct ModelsRollbackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollback", abstract: "Move the champion back to the previous version (exit code 2 when there is none).")

    @Option(name: .long, help: "Why (recorded in the alias history).")
    var reason = ""

    @Option(name: .long, help: "Who (recorded; default: $USER).")
    var by: String?

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var registry: RegistryOptions

    @Flag(name: .long, help: "Print one JSON object.")
    var json = false

    func run() async throws {
        let outcome = try await withDatabase(database) { store in
            try await registry.registry(store).rollback(by: actor(by), reason: reason)
        }
        try outcome.report(json: json)
    }
}
