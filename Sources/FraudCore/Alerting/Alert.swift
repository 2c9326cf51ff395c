/// An alert for one payment the model predicted fraud: what analysts are told and the store keeps.
public struct Alert: Hashable, Sendable {
    /// The payment's identifier; alerts are de-duplicated on it.
    public var transNum: String
    public var ccNum: Int64
    public var amount: Double
    public var merchant: String
    public var category: String
    /// When the payment happened.
    public var eventTime: EventTime
    /// Fraud probability, 0...1.
    public var score: Double
    /// The decision threshold of the model that scored it.
    public var threshold: Double
    /// Registry version of the model that scored it.
    public var modelVersion: String
    /// Top feature contributions, strongest first.
    public var reasons: [FeatureContribution]
    /// When the alert was raised (wall clock).
    public var createdAt: EventTime

    public init(
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
    public init?(_ scored: ScoredTransaction, createdAt: EventTime) {
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
