import FraudCore
import Foundation

/// The JSON a webhook receives: the alert's fields in snake case plus a Slack-compatible `text` line.
package struct WebhookPayload: Encodable, Sendable {
    /// One reason with its human phrase, labelled with its effect on the score.
    package struct Reason: Encodable, Sendable {
        var feature: String
        var value: Double
        var contribution: Double
        var text: String
    }

    var text: String
    var kind: String
    // Fraud alerts.
    var transNum: String?
    /// Masked: first 6 and last 4 digits (`CardNumberMask`).
    var ccNum: String?
    var amount: Double?
    var merchant: String?
    var category: String?
    var eventTime: String?
    var score: Double?
    var threshold: Double?
    var modelVersion: String?
    var reasons: [Reason]?
    // Operational alerts.
    var id: String?
    var severity: String?
    var title: String?
    var details: String?
    var createdAt: String

    package init(_ message: AlertMessage) {
        text = AlertText.summary(message)
        createdAt = Self.timestamp(message.createdAt)
        switch message {
        case .fraud(let alert):
            kind = "fraud"
            transNum = alert.transNum
            ccNum = CardNumberMask.masked(alert.ccNum)
            amount = alert.amount
            merchant = alert.merchant
            category = alert.category
            eventTime = Self.timestamp(alert.eventTime)
            score = alert.score
            threshold = alert.threshold
            modelVersion = alert.modelVersion
            reasons = alert.reasons.map {
                Reason(feature: $0.feature, value: $0.value, contribution: $0.contribution, text: ReasonText.labelled($0))
            }
        case .operational(let alert):
            kind = alert.kind.rawValue
            id = alert.id
            severity = alert.severity.rawValue
            title = alert.title
            details = alert.details
        }
    }

    /// The UTF-8 JSON document, keys sorted.
    package func encoded() -> Data {
        let encoder = JSONEncoder.sortedSnakeCase(.withoutEscapingSlashes)
        // Encoding plain strings and finite numbers cannot fail; non-finite scores become null.
        return (try? encoder.encode(self)) ?? Data(#"{"text":"unencodable alert"}"#.utf8)
    }

    /// RFC 3339 UTC, e.g. `2020-06-21T12:14:25Z`.
    private static func timestamp(_ time: EventTime) -> String {
        let iso = time.iso
        return String(iso.prefix(10)) + "T" + String(iso.dropFirst(11)) + "Z"
    }
}
