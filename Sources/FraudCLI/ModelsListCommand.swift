import ArgumentParser
import FraudCore
import FraudStore

/// `fraud models list`: every registered version with its aliases.
struct ModelsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List registered model versions and their aliases.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var registry: RegistryDirectoryOptions

    @Flag(name: .long, help: "Print one JSON object.")
    var json = false

    func run() async throws {
        let (models, aliases) = try await withDatabase(database) { store in (try await store.models(), try await store.aliases()) }
        let rows = models.map { ModelJSON($0, aliases: aliases) }
        if json {
            printJSON(["models": rows])
            return
        }
        guard !rows.isEmpty else {
            print("no model versions registered (fraud models import DIR)")
            return
        }
        print("version  type       created              threshold  pr_auc   aliases")
        for row in rows {
            let threshold = row.threshold.map { Fixed($0, digits: 4).description } ?? "-"
            let prAUC = row.metrics["pr_auc"].map { Fixed($0, digits: 4).description } ?? "-"
            print("\(pad(row.version, 8)) \(pad(row.modelType, 10)) \(row.createdAt)  \(pad(threshold, 10)) \(pad(prAUC, 8)) \(row.aliases.joined(separator: ","))")
        }
    }
}

/// `text` left-aligned in `width` columns.
func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
}
