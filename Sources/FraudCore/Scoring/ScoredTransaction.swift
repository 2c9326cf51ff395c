/// A payment with the model's decision: what `payments.scored` carries and the store keeps.
package struct ScoredTransaction: Hashable, Sendable {
    package var transaction: Transaction
    /// Fraud probability, 0...1.
    package var score: Double
    /// `score >= threshold`.
    package var prediction: Bool
    /// The decision threshold of the model that scored it.
    package var threshold: Double
    /// Registry version of the model that scored it.
    package var modelVersion: String
    /// Top feature contributions, strongest first.
    package var reasons: [FeatureContribution]
    /// Wall-clock time of scoring.
    package var scoredAt: EventTime
    /// Time from ingestion to the end of scoring, in milliseconds.
    package var latencyMs: Double

    package init(
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
