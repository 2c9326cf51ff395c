import ArgumentParser
import FraudCore
import FraudStore

/// `fraud models show VERSION`: one version in full, with its run.
struct ModelsShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one model version: metrics, threshold, artifact, run, aliases.")

    @Argument(help: "The model version.")
    var version: String

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var registry: RegistryDirectoryOptions

    @Flag(name: .long, help: "Print one JSON object.")
    var json = false

    func run() async throws {
        let (model, aliases, run) = try await withDatabase(database) { store -> (ModelVersionRecord, [AliasRecord], RunRecord?) in
            guard let model = try await store.model(version: version) else { throw StoreError(.unknownVersion(version)) }
            let run = try await store.runs(limit: 10_000).first { $0.id == model.runId }
            return (model, try await store.aliases(), run)
        }
        let shown = ModelJSON(model, aliases: aliases)
        if json {
            printJSON(ShowJSON(model: shown, params: run?.params ?? [:], dataFingerprint: run?.dataFingerprint))
            return
        }
        print("version      \(shown.version)\(shown.aliases.isEmpty ? "" : " (\(shown.aliases.joined(separator: ", ")))")")
        print("type         \(shown.modelType)")
        print("created      \(shown.createdAt)")
        print("threshold    \(shown.threshold.map { Fixed($0, digits: 4).description } ?? "-")")
        print("artifact     \(shown.artifactPath)")
        print("run          \(shown.runId ?? "-")")
        for (name, value) in shown.metrics.sorted(by: { $0.key < $1.key }) { print("  \(pad(name, 22)) \(Figure(value))") }
        for (name, value) in (run?.params ?? [:]).sorted(by: { $0.key < $1.key }) { print("  param \(pad(name, 16)) \(Figure.text(value))") }
        if let print_ = run?.dataFingerprint {
            print("data         \(print_.rows) rows, \(print_.frauds.map(String.init) ?? "?") frauds, sha256 \(print_.sha256 ?? "-")")
        }
    }
}

private struct ShowJSON: Encodable {
    var model: ModelJSON
    var params: [String: String]
    var dataFingerprint: DataFingerprint?
}
