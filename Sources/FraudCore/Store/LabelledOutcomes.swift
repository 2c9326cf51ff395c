/// Predictions against confirmed labels (`true_value`): the four confusion counts of labelled payments.
package struct LabelledOutcomes: Hashable, Sendable {
    /// Predicted fraud, confirmed fraud.
    package var truePositives: Int
    /// Predicted fraud, confirmed not fraud.
    package var falsePositives: Int
    /// Predicted not fraud, confirmed not fraud.
    package var trueNegatives: Int
    /// Predicted not fraud, confirmed fraud.
    package var falseNegatives: Int

    package init(truePositives: Int, falsePositives: Int, trueNegatives: Int, falseNegatives: Int) {
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.trueNegatives = trueNegatives
        self.falseNegatives = falseNegatives
    }

    /// Labelled payments counted.
    package var total: Int { truePositives + falsePositives + trueNegatives + falseNegatives }
}
