import ArgumentParser
import FraudCore
import FraudStore

/// `fraud models import DIR`: register an artifact directory (from `fraud train` or XGBoost in Python) as a new version.
struct ModelsImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Register an artifact directory (metadata.json, model.json, features.json) as the next version.")

    @Argument(help: "The artifact directory.")
    var directory: String

    @Option(name: .long, help: "A note stored with the version.")
    var description: String?

    @Flag(name: .long, help: "Also point the challenger alias at the new version.")
    var challenger = false

    @OptionGroup var audit: AuditOptions
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var registry: RegistryOptions
    @OptionGroup var mlflow: MLflowOptions

    @Flag(name: .long, help: "Print one JSON object.")
    var json = false

    func run() async throws {
        let (model, aliases) = try await withDatabase(database) { store in
            let registry = try registry.registry(store)
            let model = try await registry.importArtifact(from: directory, description: description)
            if challenger { try await registry.setAlias("challenger", to: model.version, by: audit.who, reason: audit.reason.isEmpty ? "imported from \(directory)" : audit.reason) }
            await mlflow.mirrorImport(model, store: store)
            return (model, try await store.aliases())
        }
        if json {
            printJSON(ModelJSON(model, aliases: aliases))
        } else {
            print("registered version \(model.version) (\(model.modelType)) at \(model.artifactPath)\(challenger ? ", now the challenger" : "")")
        }
    }
}
