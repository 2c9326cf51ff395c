import ArgumentParser
import FraudCore
import FraudStore

/// `fraud models new-labels`: how many payments were labelled since the newest model version was registered
/// (what a retraining sensor, e.g. the Airflow DAG's, waits on).
struct ModelsNewLabelsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new-labels",
        abstract: "Count payments labelled (true_value) since the newest model version was registered.",
        discussion: "With --min N the exit code is 0 when at least N labels are new, else 3 (for shell sensors).")

    @Option(name: .long, help: "Exit with code 3 unless at least this many labels are new.")
    var min: Int?

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var registry: RegistryDirectoryOptions

    @Flag(name: .long, help: "Print one JSON object.")
    var json = false

    func validate() throws {
        if let min, min < 0 { throw ValidationError("--min \(min): expected 0 or more") }
    }

    func run() async throws {
        let (newest, count) = try await withDatabase(database) { store in
            let newest = try await store.models().max { $0.createdAt < $1.createdAt }
            var watermark = newest.map { LabelWatermark(labeledAt: $0.createdAt, transNum: "") }
            var count = 0
            while true {
                let page = try await store.labelled(after: watermark, limit: 10_000)
                count += page.count
                guard let last = page.last?.labelWatermark, page.count == 10_000 else { break }
                watermark = last
            }
            return (newest, count)
        }
        if json {
            printJSON(NewLabelsJSON(newLabels: count, since: newest?.createdAt.iso, modelVersion: newest?.version))
        } else {
            print("\(count) payment(s) labelled since " + (newest.map { "version \($0.version) (\($0.createdAt.iso))" } ?? "the start (no model registered)"))
        }
        if let min, count < min { throw ExitCode(3) }
    }
}

private struct NewLabelsJSON: Encodable {
    var newLabels: Int
    var since: String?
    var modelVersion: String?
}
