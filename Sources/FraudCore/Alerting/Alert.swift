/// An alert for one payment the model predicted fraud: what analysts are told and the store keeps.
package struct Alert: Hashable, Sendable {
    /// The payment's identifier; alerts are de-duplicated on it.
    package var transNum: String
    package var ccNum: Int64
    package var amount: Double
    package var merchant: String
    package var category: String
    /// When the payment happened.
    package var eventTime: EventTime
    /// Fraud probability, 0...1.
    package var score: Double
    /// The decision threshold of the model that scored it.
    package var threshold: Double
    /// Registry version of the model that scored it.
    package var modelVersion: String
    /// Top feature contributions, strongest first.
    package var reasons: [FeatureContribution]
    /// When the alert was raised (wall clock).
    package var createdAt: EventTime

    package init(
        transNum: String, ccNum: Int64, amount: Double, merchant: String, category: String, eventTime: EventTime,
        score: Double, threshold: Double, modelVersion: String, reasons: [FeatureContribution], createdAt: EventTime
    ) {
        self.transNum = transNum
        self.ccNum = ccNum
        self.amount = amount
        self.merchant = merchant
        self.category = category
        self.eventTime = eventTime
        self.score = score
        self.threshold = threshold
        self.modelVersion = modelVersion
        self.reasons = reasons
        self.createdAt = createdAt
    }

    /// The alert for a scored payment; `nil` when the model did not predict fraud.
    package init?(_ scored: ScoredTransaction, createdAt: EventTime) {
        guard scored.prediction else { return nil }
        let payment = scored.transaction
        self.init(
            transNum: payment.transNum, ccNum: payment.ccNum, amount: payment.amount, merchant: payment.merchant,
            category: payment.category, eventTime: payment.eventTime, score: scored.score,
            threshold: scored.threshold, modelVersion: scored.modelVersion, reasons: scored.reasons,
            createdAt: createdAt
        )
    }
}
