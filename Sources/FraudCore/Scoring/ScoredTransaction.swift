/// A payment with the model's decision: what `payments.scored` carries and the store keeps.
public struct ScoredTransaction: Hashable, Sendable {
    public var transaction: Transaction
    /// Fraud probability, 0...1.
    public var score: Double
    /// `score >= threshold`.
    public var prediction: Bool
    /// The decision threshold of the model that scored it.
    public var threshold: Double
    /// Registry version of the model that scored it.
    public var modelVersion: String
    /// Top feature contributions, strongest first.
    public var reasons: [FeatureContribution]
    /// Wall-clock time of scoring.
    public var scoredAt: EventTime
    /// Time from ingestion to the end of scoring, in milliseconds.
    public var latencyMs: Double

    public init(
        transaction: Transaction, score: Double, prediction: Bool, threshold: Double, modelVersion: String,
        reasons: [FeatureContribution], scoredAt: EventTime, latencyMs: Double
    ) {
        self.transaction = transaction
        self.score = score
        self.prediction = prediction
        self.threshold = threshold
        self.modelVersion = modelVersion
        self.reasons = reasons
        self.scoredAt = scoredAt
        self.latencyMs = latencyMs
    }
}
