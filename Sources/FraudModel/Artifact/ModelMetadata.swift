import FraudMetrics

/// `metadata.json`: how a model was made and how good it was on its validation split.
package struct ModelMetadata: Hashable, Sendable, Codable {
    package var kind: ModelKind
    package var featureVersion: String
    /// Hyperparameters, as strings by their usual names.
    package var parameters: [String: String]
    /// Flag payments with `score >= threshold`.
    package var threshold: Double
    /// How the threshold was chosen, e.g. `best_f1` or `lowest_cost(review=5.0)`.
    package var thresholdObjective: String
    /// Figures on the validation split (curves left out).
    package var validationMetrics: EvaluationReport?
    package var trainingData: DataFingerprint
    package var trainingRows: Int
    package var validationRows: Int
    package var trainingSeconds: Double
    /// ISO time of training (UTC), or of import.
    package var createdAt: String

    enum CodingKeys: String, CodingKey {
        case kind, featureVersion = "feature_version", parameters, threshold, thresholdObjective = "threshold_objective"
        case validationMetrics = "validation_metrics", trainingData = "training_data", trainingRows = "training_rows"
        case validationRows = "validation_rows", trainingSeconds = "training_seconds", createdAt = "created_at"
    }
}
