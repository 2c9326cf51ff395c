import FraudCore

extension AlertRecord {
    /// The stored form of a fraud alert with how its deliveries ended.
    init(_ alert: Alert, deliveries: [AlertDeliveryOutcome]) {
        self.init(
            transNum: alert.transNum, ccNum: alert.ccNum, eventTime: alert.eventTime, amount: alert.amount,
            score: alert.score, threshold: alert.threshold, modelVersion: alert.modelVersion, reasons: alert.reasons,
            raisedAt: alert.createdAt, deliveries: deliveries)
    }
}
