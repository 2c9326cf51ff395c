/// A scored payment as stored, with its confirmed label if an analyst gave one.
package struct StoredTransaction: Hashable, Sendable {
    /// The payment and the model's decision; `scored.transaction.label` is the `source_label`.
    package var scored: ScoredTransaction
    /// The confirmed label (`true_value`), nil until confirmed. The only label used for retraining besides the original data.
    package var trueValue: Bool?
    /// When the label was set.
    package var labeledAt: EventTime?
    /// Who set the label.
    package var labeledBy: String?

    package init(scored: ScoredTransaction, trueValue: Bool? = nil, labeledAt: EventTime? = nil, labeledBy: String? = nil) {
        self.scored = scored
        self.trueValue = trueValue
        self.labeledAt = labeledAt
        self.labeledBy = labeledBy
    }

    /// The payment's `trans_num`.
    package var transNum: String { scored.transaction.transNum }

    /// The `is_fraud` that came with the payment, if any.
    package var sourceLabel: Bool? { scored.transaction.label }

    /// The position of this row in the labelled stream, for `Store.labelled(after:limit:)`; nil when unlabelled.
    package var labelWatermark: LabelWatermark? {
        guard trueValue != nil, let labeledAt else { return nil }
        return LabelWatermark(labeledAt: labeledAt, transNum: transNum)
    }
}

/// A position in the stream of labelled payments: ordered by label time, then `trans_num`.
package struct LabelWatermark: Hashable, Sendable {
    package var labeledAt: EventTime
    package var transNum: String

    package init(labeledAt: EventTime, transNum: String) {
        self.labeledAt = labeledAt
        self.transNum = transNum
    }
}
