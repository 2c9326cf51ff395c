import ArgumentParser
import FraudModel

/// `--model` and its XGBoost settings, shared by `fraud train`, `fraud retrain` and `fraud run retrainer`.
struct TrainingOptions: ParsableArguments {
    @Option(name: .long, help: "xgboost, logistic or baseline.")
    var model = "xgboost"

    @Option(name: .long, help: "XGBoost: maximum boosting rounds.")
    var rounds = 400

    @Option(name: .long, help: "XGBoost: maximum tree depth.")
    var maxDepth = 6

    @Option(name: .long, help: "XGBoost: learning rate (eta).")
    var learningRate = 0.1

    @Option(name: .long, help: "XGBoost: threads (0 = all cores).")
    var threads = 0

    /// The model kind; an unknown one is a usage error.
    func kind() throws -> ModelKind {
        guard let kind = ModelKind(rawValue: model) else { throw ValidationError("--model \(model): expected xgboost, logistic or baseline") }
        return kind
    }

    /// The XGBoost parameters.
    /// - Throws: `ModelError.invalidInput` naming the parameter out of range.
    func xgboost() throws -> XGBoostParameters {
        try XGBoostParameters(rounds: rounds, maxDepth: maxDepth, learningRate: learningRate, threads: threads)
    }
}
