import FraudCore
import FraudMetrics
import Foundation

/// Trains one model kind on time-ordered features: the last `validationFraction` of rows (by event
/// time) is held out for early stopping, the threshold and the recorded metrics. Training warns (through `progress`)
/// when that split holds fewer than `MetricEvidence.minimumFrauds` frauds.
package struct ModelTraining: Sendable {
    package var kind: ModelKind
    package var validationFraction: Double
    package var xgboost: XGBoostParameters
    package var logisticL2: Double
    package var thresholdObjective: ThresholdObjective

    /// - Throws: `ModelError.invalidInput` when `validationFraction` is outside 0.05...0.5.
    package init(kind: ModelKind, validationFraction: Double = 0.2, xgboost: XGBoostParameters? = nil,
                logisticL2: Double = 1e-3, thresholdObjective: ThresholdObjective = .bestF1) throws {
        guard (0.05...0.5).contains(validationFraction) else {
            throw ModelError.invalidInput("validation fraction \(validationFraction): expected 0.05...0.5")
        }
        self.kind = kind
        self.validationFraction = validationFraction
        self.xgboost = try xgboost ?? XGBoostParameters()
        self.logisticL2 = logisticL2
        self.thresholdObjective = thresholdObjective
    }

    /// A trained model and its artifact.
    package struct Outcome: Sendable {
        package var artifact: ModelArtifact
        package var model: any ScoringModel
        package var validationReport: EvaluationReport
    }

    /// Trains on `data` (already in time order); `fingerprint` describes the input files.
    /// - Parameter progress: one line of news at a time (stderr in the CLI).
    package func train(_ data: LabelledFeatures, fingerprint: DataFingerprint, progress: (String) -> Void = { _ in }) throws -> Outcome {
        let split = data.count - Int((Double(data.count) * validationFraction).rounded())
        guard split > 0, split < data.count else { throw ModelError.invalidInput("too few rows (\(data.count)) to split") }
        let train = data.slice(0..<split), validation = data.slice(split..<data.count)
        guard train.labels.contains(true) else { throw ModelError.invalidInput("no fraud in the training part (first \(split) rows)") }
        let validationFrauds = validation.labels.filter { $0 }.count
        if validationFrauds < MetricEvidence.minimumFrauds {
            progress("warning: the validation split (last \(validation.count) rows) holds only \(validationFrauds) frauds, fewer than "
                + "\(MetricEvidence.minimumFrauds): its metrics and threshold are unreliable, and the registry's recorded-metrics gate "
                + "will not compare on them; train on more data or a larger validation fraction")
        }
        let started = ContinuousClock.now
        let (model, modelJSON, parameters) = try fit(train: train, validation: validation, progress: progress)
        let elapsed = ContinuousClock.now - started
        let seconds = elapsed.inSeconds
        let scores = model.scores(validation.matrix)
        let choice = ThresholdChoice.choose(scores: scores, labels: validation.labels, amounts: validation.amounts, objective: thresholdObjective)
        // A threshold of +∞ (flag nothing) cannot be stored in JSON: flag nothing with a threshold above any probability.
        // The baseline is "never fraud": a constant score has no threshold worth choosing.
        let threshold = choice.threshold.isFinite && kind != .baseline ? choice.threshold : 1.0 + 1e-9
        var report = EvaluationReport(scores: scores, labels: validation.labels, days: validation.days, cards: validation.cards, threshold: threshold)
        progress("validation: pr_auc \(Fixed(report.prAUC, digits: 4)), roc_auc \(Fixed(report.rocAUC, digits: 4)), f1 \(Fixed(report.f1, digits: 4)) at threshold \(Fixed(threshold, digits: 4))")
        report.rocCurve = []
        report.prCurve = []
        let metadata = ModelMetadata(
            kind: kind, featureVersion: FeatureNames.version, parameters: parameters, threshold: threshold,
            thresholdObjective: Self.describe(thresholdObjective), validationMetrics: report, trainingData: fingerprint,
            trainingRows: train.count, validationRows: validation.count, trainingSeconds: seconds,
            createdAt: ISO8601DateFormatter().string(from: Date()))
        let artifact = ModelArtifact(spec: FeatureNames.spec, metadata: metadata, modelJSON: modelJSON)
        return Outcome(artifact: artifact, model: model, validationReport: report)
    }

    private func fit(train: LabelledFeatures, validation: LabelledFeatures, progress: (String) -> Void)
        throws -> (any ScoringModel, Data, [String: String]) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        switch kind {
        case .baseline:
            let model = ConstantModel(labels: train.labels, columns: train.matrix.columns)
            return (model, try encoder.encode(model), [:])
        case .logistic:
            progress("logistic regression (Newton) on \(train.count) rows")
            let model = try LogisticTrainer(l2: logisticL2).fit(train.matrix, labels: train.labels)
            return (model, try encoder.encode(model), ["l2": "\(logisticL2)", "class_weight": "balanced"])
        case .xgboost:
            let fitted = try XGBoostFit.fit(train: train, validation: validation, parameters: xgboost, progress: progress)
            return (fitted.ensemble, fitted.json, fitted.parameters)
        }
    }

    static func describe(_ objective: ThresholdObjective) -> String {
        switch objective {
        case .bestF1: "best_f1"
        case .lowestCost(let cost): "lowest_cost(review_cost_per_alert=\(cost))"
        }
    }
}
