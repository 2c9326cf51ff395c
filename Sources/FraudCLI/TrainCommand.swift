import ArgumentParser
import FraudMetrics
import FraudModel
import FraudMonitoring

/// `fraud train`: features, model, threshold and artifact from fraudTest-format files.
struct TrainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a model on fraudTest-format CSV files and write its artifact directory."
    )

    @Option(name: .long, help: "Training CSV (plain or .gz); repeat for more files.")
    var data: [String]

    @OptionGroup var model: TrainingOptions

    @Option(name: .long, help: "Share of the latest rows (by event time) held out for early stopping and the threshold.")
    var validationFraction: Double = 0.2

    @Option(name: .long, help: "Choose the threshold by lowest expected cost with this review cost per alert, instead of best F1.")
    var reviewCost: Double?

    @Option(name: .long, help: "Artifact directory to write (model.json, features.json, metadata.json).")
    var out: String

    @Flag(name: .long, help: "Print the validation figures as one JSON object.")
    var json = false

    @OptionGroup var mlflow: MLflowOptions

    func run() async throws {
        let kind = try model.kind()
        let input = try TrainingInput.load(paths: data, progress: ModelProgress.line)
        let training = try ModelTraining(kind: kind, validationFraction: validationFraction, xgboost: try model.xgboost(),
                                         thresholdObjective: reviewCost.map { .lowestCost(reviewCostPerAlert: $0) } ?? .bestF1)
        let outcome = try training.train(input.features, fingerprint: input.fingerprint, progress: ModelProgress.line)
        try outcome.artifact.write(directory: out)
        // The monitor's training reference: a sample of the training payments' drift columns and their scores.
        try DriftReferenceBuilder().build(transactions: try LabelledFeatures.readTransactions(paths: data), model: outcome.model,
                                          source: "training data \(data.joined(separator: ", "))").write(directory: out)
        ModelProgress.line("wrote \(out)")
        await mlflow.mirrorTraining(outcome.artifact, directory: out)
        if json {
            printJSON(outcome.validationReport)
        } else {
            EvaluationText.print(outcome.validationReport, title: "validation (last \(Percent(validationFraction)) by time)")
        }
    }
}
