import FraudMetrics

/// `metadata.json`: how a model was made and how good it was on its validation split.
public struct ModelMetadata: Hashable, Sendable, Codable {
    public var kind: ModelKind
    public var featureVersion: String
    /// Hyperparameters, as strings by their usual names.
    public var parameters: [String: String]
    /// Flag payments with `score >= threshold`.
    public var threshold: Double
    /// How the threshold was chosen, e.g. `best_f1` or `lowest_cost(review=5.0)`.
    public var thresholdObjective: String
    /// Figures on the validation split (curves left out).
    public var validationMetrics: EvaluationReport?
    public var trainingData: DataFingerprint
    public var trainingRows: Int
    public var validationRows: Int
    public var trainingSeconds: Double
    /// ISO time of training (UTC), or of import.
    public var createdAt: String

    enum CodingKeys: String, CodingKey {
        case kind, featureVersion = "feature_version", parameters, threshold, thresholdObjective = "threshold_objective"
        case validationMetrics = "validation_metrics", trainingData = "training_data", trainingRows = "training_rows"
        case validationRows = "validation_rows", trainingSeconds = "training_seconds", createdAt = "created_at"
    }
}
