/// An alert raised on a payment, as stored; one per `trans_num`.
package struct AlertRecord: Hashable, Sendable {
    package var transNum: String
    package var ccNum: Int64
    /// The payment's event time.
    package var eventTime: EventTime
    package var amount: Double
    package var score: Double
    package var threshold: Double
    package var modelVersion: String
    /// Top feature contributions, strongest first.
    package var reasons: [FeatureContribution]
    /// When the alert was raised.
    package var raisedAt: EventTime
    /// How its delivery ended on each channel when it was first recorded (empty when none was attempted).
    package var deliveries: [AlertDeliveryOutcome]

    package init(
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
    package init(_ scored: ScoredTransaction, raisedAt: EventTime) {
        self.init(
            transNum: scored.transaction.transNum, ccNum: scored.transaction.ccNum, eventTime: scored.transaction.eventTime,
            amount: scored.transaction.amount, score: scored.score, threshold: scored.threshold,
            modelVersion: scored.modelVersion, reasons: scored.reasons, raisedAt: raisedAt)
    }
}

/// Which alerts to list.
package struct AlertQuery: Hashable, Sendable {
    /// Raised at or after this.
    package var from: EventTime?
    /// Raised before this.
    package var to: EventTime?
    /// Only alerts whose payment has no confirmed label yet (the analysts' queue).
    package var unlabelledOnly: Bool
    /// At most this many, 1...10,000.
    package var limit: Int

    package init(from: EventTime? = nil, to: EventTime? = nil, unlabelledOnly: Bool = false, limit: Int = 100) {
        self.from = from
        self.to = to
        self.unlabelledOnly = unlabelledOnly
        self.limit = limit
    }
}
