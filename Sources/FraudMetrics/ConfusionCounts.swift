/// Counts of a binary decision against the truth; every threshold metric derives from it.
///
/// A streaming statistic in the style of river's metrics: `update` one decision at a time,
/// `merge` partitions, read the metrics as computed properties. Metrics with an empty
/// denominator are 0 (scikit-learn's `zero_division=0`).
package struct ConfusionCounts: Hashable, Sendable, Codable {
    package var truePositives = 0
    package var falsePositives = 0
    package var trueNegatives = 0
    package var falseNegatives = 0

    enum CodingKeys: String, CodingKey {
        case truePositives = "true_positives", falsePositives = "false_positives"
        case trueNegatives = "true_negatives", falseNegatives = "false_negatives"
    }

    package init() {}

    /// Counts the decisions `score >= threshold` against `labels`.
    /// - Precondition: `scores.count == labels.count`.
    package init(scores: [Double], labels: [Bool], threshold: Double) {
        precondition(scores.count == labels.count, "scores and labels must have the same length")
        for index in scores.indices {
            update(predicted: scores[index] >= threshold, actual: labels[index])
        }
    }

    /// Adds one decision.
    package mutating func update(predicted: Bool, actual: Bool) {
        switch (predicted, actual) {
        case (true, true): truePositives += 1
        case (true, false): falsePositives += 1
        case (false, false): trueNegatives += 1
        case (false, true): falseNegatives += 1
        }
    }

    /// Adds the counts of another partition.
    package mutating func merge(_ other: ConfusionCounts) {
        truePositives += other.truePositives
        falsePositives += other.falsePositives
        trueNegatives += other.trueNegatives
        falseNegatives += other.falseNegatives
    }

    /// All decisions counted.
    package var total: Int { truePositives + falsePositives + trueNegatives + falseNegatives }
    /// Actual positives (frauds).
    package var positives: Int { truePositives + falseNegatives }

    /// (TP + TN) / total.
    package var accuracy: Double { Self.ratio(truePositives + trueNegatives, total) }
    /// TP / (TP + FP).
    package var precision: Double { Self.ratio(truePositives, truePositives + falsePositives) }
    /// TP / (TP + FN), the true-positive rate.
    package var recall: Double { Self.ratio(truePositives, positives) }
    /// Harmonic mean of precision and recall: 2 TP / (2 TP + FP + FN).
    package var f1: Double { Self.ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives) }
    /// FN / (FN + TP): the share of frauds missed.
    package var falseNegativeRate: Double { Self.ratio(falseNegatives, positives) }
    /// FP / (FP + TN).
    package var falsePositiveRate: Double { Self.ratio(falsePositives, falsePositives + trueNegatives) }

    private static func ratio(_ numerator: Int, _ denominator: Int) -> Double {
        denominator == 0 ? 0 : Double(numerator) / Double(denominator)
    }
}
