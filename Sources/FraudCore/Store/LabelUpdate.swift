/// An analyst's confirmation of one payment: fraud or not, by whom, when.
public struct LabelUpdate: Hashable, Sendable {
    public var transNum: String
    /// The confirmed label, stored as `true_value`.
    public var isFraud: Bool
    public var labeledBy: String
    public var labeledAt: EventTime

    public init(transNum: String, isFraud: Bool, labeledBy: String, labeledAt: EventTime) {
        self.transNum = transNum
        self.isFraud = isFraud
        self.labeledBy = labeledBy
        self.labeledAt = labeledAt
    }
}
