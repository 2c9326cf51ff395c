/// Predictions against confirmed labels (`true_value`): the four confusion counts of labelled payments.
public struct LabelledOutcomes: Hashable, Sendable {
    /// Predicted fraud, confirmed fraud.
    public var truePositives: Int
    /// Predicted fraud, confirmed not fraud.
    public var falsePositives: Int
    /// Predicted not fraud, confirmed not fraud.
    public var trueNegatives: Int
    /// Predicted not fraud, confirmed fraud.
    public var falseNegatives: Int

    public init(truePositives: Int, falsePositives: Int, trueNegatives: Int, falseNegatives: Int) {
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.trueNegatives = trueNegatives
        self.falseNegatives = falseNegatives
    }

    /// Labelled payments counted.
    public var total: Int { truePositives + falsePositives + trueNegatives + falseNegatives }
}
