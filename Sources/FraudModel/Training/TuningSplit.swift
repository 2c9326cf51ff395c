import FraudCore
import FraudMetrics
import Foundation

/// The temporal validation split every search trial is scored on: the latest `validationFraction` of the rows
/// (the rows are in event-time order) hold out for validation, the earlier rows train.
struct TuningSplit {
    let train: LabelledFeatures
    let validation: LabelledFeatures

    init(_ data: LabelledFeatures, validationFraction: Double) {
        let split = data.count - Int((Double(data.count) * validationFraction).rounded())
        train = data.slice(0..<split)
        validation = data.slice(split..<data.count)
    }

    /// Trains `parameters` (early stopping on the validation rows) and scores the model on them.
    func evaluate(_ parameters: XGBoostParameters, trial: Int, rung: Int? = nil) throws -> TuningTrial {
        let started = ContinuousClock.now
        let fitted = try XGBoostFit.fit(train: train, validation: validation, parameters: parameters, progress: { _ in })
        let elapsed = ContinuousClock.now - started
        let score = Curves.averagePrecision(scores: fitted.ensemble.scores(validation.matrix), labels: validation.labels)
        return TuningTrial(trial: trial, parameters: parameters, rounds: fitted.rounds, validationPRAUC: score,
                           seconds: elapsed.inSeconds, rung: rung)
    }

    /// The random candidate number `index` of the search space (Bergstra & Bengio, 2012), drawn from `random`.
    static func candidate(_ index: Int, rounds: Int, threads: Int, using random: inout SplitMix64) throws -> XGBoostParameters {
        try XGBoostParameters(
            rounds: rounds, earlyStoppingRounds: 30, maxDepth: Int.random(in: 3...9, using: &random),
            learningRate: exp(Double.random(in: log(0.03)...log(0.3), using: &random)),
            minChildWeight: Double.random(in: 1...10, using: &random), subsample: Double.random(in: 0.6...1, using: &random),
            columnSampleByTree: Double.random(in: 0.5...1, using: &random), l2: exp(Double.random(in: log(0.1)...log(10), using: &random)),
            threads: threads, seed: index)
    }
}
