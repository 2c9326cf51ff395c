import FraudCore
import FraudModel

/// The JSON of payment-shaped answers (scores, stored payments, alerts), written by hand with the message codec's writer.
enum PaymentJSON {
    /// `{"trans_num", "score", "prediction", "threshold", "model_version", "reasons", "history"}`; `history` is
    /// `{"source", "earlier_payments"}`: the card history used and how many earlier payments of the card it counted.
    static func writeDecision(_ decision: FraudScorer.Decision, transNum: String, scorer: FraudScorer, history: CardHistory,
                              earlierPayments: Int, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("trans_num", transNum)
        writer.member("score", decision.score)
        writer.member("prediction", decision.prediction)
        writer.member("threshold", scorer.threshold)
        writer.member("model_version", scorer.modelVersion)
        writer.member("reasons", decision.reasons)
        writer.key("history")
        writer.beginObject()
        writer.member("source", history.rawValue)
        writer.member("earlier_payments", Int64(earlierPayments))
        writer.endObject()
        writer.endObject()
    }

    /// A stored payment: the `payments.scored` object followed by `true_value`, `labeled_at` and `labeled_by`; its
    /// `cc_num` masked unless `fullCardNumber`.
    static func storedTransaction(_ row: StoredTransaction, fullCardNumber: Bool, into bytes: inout [UInt8]) {
        var scored = row.scored.jsonBytes(maskingCard: !fullCardNumber)
        scored.removeLast()  // the closing brace: the label members follow
        bytes.append(contentsOf: scored)
        var labels = JSONWriter(capacity: 96)
        labels.beginObject()
        labels.key("true_value")
        if let value = row.trueValue { labels.bool(value) } else { labels.null() }
        labels.key("labeled_at")
        if let time = row.labeledAt { labels.eventTime(time) } else { labels.null() }
        labels.key("labeled_by")
        if let by = row.labeledBy { labels.string(by) } else { labels.null() }
        labels.endObject()
        bytes.append(UInt8(ascii: ","))
        bytes.append(contentsOf: labels.bytes.dropFirst())
    }

    /// An alert: the payment's identity, amount and time, the decision and its reasons, and when it was raised; its
    /// `cc_num` masked unless `fullCardNumber`.
    static func writeAlert(_ alert: AlertRecord, fullCardNumber: Bool, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("trans_num", alert.transNum)
        writer.key("cc_num")
        if fullCardNumber { writer.int(alert.ccNum) } else { writer.string(CardNumberMask.masked(alert.ccNum)) }
        writer.member("trans_date_trans_time", alert.eventTime)
        writer.member("amt", alert.amount)
        writer.member("score", alert.score)
        writer.member("threshold", alert.threshold)
        writer.member("model_version", alert.modelVersion)
        writer.member("reasons", alert.reasons)
        writer.member("raised_at", alert.raisedAt)
        writer.endObject()
    }
}
