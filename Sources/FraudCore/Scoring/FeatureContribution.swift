/// One reason behind a score: a feature, its value for this payment, and how much it moved the score.
package struct FeatureContribution: Hashable, Sendable, Codable {
    /// Feature name as the feature extractor names it, e.g. `amount_vs_card_mean`.
    package var feature: String
    /// The feature's value for this payment.
    package var value: Double
    /// Contribution to the model's margin (log-odds for gradient-boosted trees); positive pushes towards fraud.
    package var contribution: Double

    package init(feature: String, value: Double, contribution: Double) {
        self.feature = feature
        self.value = value
        self.contribution = contribution
    }
}
