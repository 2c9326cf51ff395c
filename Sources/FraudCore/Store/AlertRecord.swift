/// An alert raised on a payment, as stored; one per `trans_num`.
public struct AlertRecord: Hashable, Sendable {
    public var transNum: String
    public var ccNum: Int64
    /// The payment's event time.
    public var eventTime: EventTime
    public var amount: Double
    public var score: Double
    public var threshold: Double
    public var modelVersion: String
    /// Top feature contributions, strongest first.
    public var reasons: [FeatureContribution]
    /// When the alert was raised.
    public var raisedAt: EventTime
    /// How its delivery ended on each channel when it was first recorded (empty when none was attempted).
    public var deliveries: [AlertDeliveryOutcome]

    public init(
        transNum: String, ccNum: Int64, eventTime: EventTime, amount: Double, score: Double, threshold: Double,
        modelVersion: String, reasons: [FeatureContribution], raisedAt: EventTime, deliveries: [AlertDeliveryOutcome] = []
    ) {
        self.transNum = transNum
        self.ccNum = ccNum
        self.eventTime = eventTime
        self.amount = amount
        self.score = score
        self.threshold = threshold
        self.modelVersion = modelVersion
        self.reasons = reasons
        self.raisedAt = raisedAt
        self.deliveries = deliveries
    }

    /// The alert for a scored payment.
    public init(_ scored: ScoredTransaction, raisedAt: EventTime) {
        self.init(
            transNum: scored.transaction.transNum, ccNum: scored.transaction.ccNum, eventTime: scored.transaction.eventTime,
            amount: scored.transaction.amount, score: scored.score, threshold: scored.threshold,
            modelVersion: scored.modelVersion, reasons: scored.reasons, raisedAt: raisedAt)
    }
}

/// Which alerts to list.
public struct AlertQuery: Hashable, Sendable {
    /// Raised at or after this.
    public var from: EventTime?
    /// Raised before this.
    public var to: EventTime?
    /// Only alerts whose payment has no confirmed label yet (the analysts' queue).
    public var unlabelledOnly: Bool
    /// At most this many, 1...10,000.
    public var limit: Int

    public init(from: EventTime? = nil, to: EventTime? = nil, unlabelledOnly: Bool = false, limit: Int = 100) {
        self.from = from
        self.to = to
        self.unlabelledOnly = unlabelledOnly
        self.limit = limit
    }
}
