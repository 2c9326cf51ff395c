import ArgumentParser
import FraudCore
import FraudModel
import FraudStore
import Foundation

/// `fraud models import DIR`: register an artifact directory (from `fraud train` or XGBoost in Python) as a new version.
struct ModelsImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Register an artifact directory (metadata.json, model.json, features.json) as the next version.",
        discussion: """
            A directory with only model.json (XGBoost JSON, e.g. saved by Python's Booster.save_model) and features.json \
            (the model's input names in its column order, as a JSON array or {"version", "names"}) is completed with \
            metadata.json (kind xgboost, --threshold) after checking that the native evaluator can score it.
            """)

    @Argument(help: "The artifact directory.")
    var directory: String

    @Option(name: .long, help: "A note stored with the version.")
    var description: String?

    @Option(name: .long, help: "Alert threshold of a bare XGBoost export (no metadata.json).")
    var threshold: Double = 0.5

    @Flag(name: .long, help: "Also point the challenger alias at the new version.")
    var challenger = false

    @OptionGroup var options: RegistryChangeOptions

    func validate() throws {
        guard (0...1).contains(threshold) else { throw ValidationError("--threshold \(threshold): expected 0...1") }
    }

    func run() async throws {
        let source = try ModelArtifact.registrableDirectory(for: directory, threshold: threshold)
        defer { if source.isTemporary { try? FileManager.default.removeItem(atPath: source.path) } }
        let audit = options.audit
        let (model, aliases) = try await withDatabase(options.database) { store in
            let registry = try options.registry.registry(store)
            let model = try await registry.importArtifact(from: source.path, description: description)
            if challenger { try await registry.setAlias("challenger", to: model.version, by: audit.who, reason: audit.reason.isEmpty ? "imported from \(directory)" : audit.reason) }
            await options.mlflow.mirrorImport(model, store: store)
            return (model, try await store.aliases())
        }
        if options.json {
            printJSON(ModelJSON(model, aliases: aliases))
        } else {
            print("registered version \(model.version) (\(model.modelType)) at \(model.artifactPath)\(challenger ? ", now the challenger" : "")")
        }
    }
}
