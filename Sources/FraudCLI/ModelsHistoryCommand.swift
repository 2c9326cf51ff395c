import ArgumentParser
import FraudCore
import FraudStore

/// `fraud models history`: the audit trail of alias moves.
struct ModelsHistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "history", abstract: "Show who moved which alias, when and why.")

    @Option(name: .long, help: "Only this alias (champion, challenger).")
    var alias: String?

    @Option(name: .long, help: "At most this many entries, newest first.")
    var limit = 50

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var registry: RegistryDirectoryOptions

    @Flag(name: .long, help: "Print one JSON object.")
    var json = false

    func run() async throws {
        let entries = try await withDatabase(database) { store in try await store.aliasHistory(alias: alias, limit: limit) }.map(AliasChangeJSON.init)
        if json {
            printJSON(["history": entries])
            return
        }
        for entry in entries {
            print("\(entry.at)  \(pad(entry.alias, 10)) \(pad(entry.fromVersion ?? "-", 4)) → \(pad(entry.toVersion, 4)) \(pad(entry.action, 13)) by \(entry.by): \(entry.reason)")
        }
    }
}
