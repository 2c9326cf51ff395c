import ArgumentParser
import FraudCore
import FraudStore

/// `fraud models training-set`: the retraining set, original data plus analysts' labels from the store, as one CSV.
struct ModelsTrainingSetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "training-set",
        abstract: "Write the original training files plus the stored labelled payments (true_value) as one fraudTest CSV.",
        discussion: "Labels are analysts' true_value, never the system's predictions; a confirmed label replaces the original is_fraud.")

    @Option(name: .long, help: "Original training CSV (plain or .gz); repeat for more files.")
    var data: [String]

    @Option(name: .long, help: "The CSV to write.")
    var out: String

    @Flag(name: .long, help: "Also append unlabelled stored payments that arrived with a source label (e.g. the simulator's is_fraud).")
    var includeSourceLabels = false

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var registry: RegistryDirectoryOptions

    @Flag(name: .long, help: "Print one JSON object.")
    var json = false

    func run() async throws {
        let summary = try await withDatabase(database) { store in
            try await TrainingExport.write(originals: data, store: store, includeSourceLabels: includeSourceLabels, to: out)
        }
        if json {
            printJSON(summary)
        } else {
            print("wrote \(summary.rows) rows to \(out): \(summary.originalRows) original (\(summary.correctedLabels) corrected), "
                + "\(summary.confirmedRows) confirmed, \(summary.sourceLabelRows) with source labels")
        }
    }
}
