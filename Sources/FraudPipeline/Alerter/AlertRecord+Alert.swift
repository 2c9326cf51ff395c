import FraudCore

extension AlertRecord {
    /// The stored form of a fraud alert.
    init(_ alert: Alert) {
        self.init(
            transNum: alert.transNum, ccNum: alert.ccNum, eventTime: alert.eventTime, amount: alert.amount,
            score: alert.score, threshold: alert.threshold, modelVersion: alert.modelVersion, reasons: alert.reasons,
            raisedAt: alert.createdAt)
    }
}
