/// An analyst's confirmation of one payment: fraud or not, by whom, when.
package struct LabelUpdate: Hashable, Sendable {
    package var transNum: String
    /// The confirmed label, stored as `true_value`.
    package var isFraud: Bool
    package var labeledBy: String
    package var labeledAt: EventTime

    package init(transNum: String, isFraud: Bool, labeledBy: String, labeledAt: EventTime) {
        self.transNum = transNum
        self.isFraud = isFraud
        self.labeledBy = labeledBy
        self.labeledAt = labeledAt
    }
}
