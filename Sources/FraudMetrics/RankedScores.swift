/// Scores sorted from highest to lowest with their labels, grouped by distinct score.
///
/// The shared first step of ROC, PR, average precision and threshold selection: each distinct
/// score is one threshold, with the cumulative true and false positives at or above it
/// (scikit-learn's `_binary_clf_curve`).
package struct RankedScores: Sendable {
    /// Distinct scores, highest first.
    package var thresholds: [Double] = []
    /// True positives among scores `>= thresholds[i]`.
    package var truePositives: [Int] = []
    /// False positives among scores `>= thresholds[i]`.
    package var falsePositives: [Int] = []
    /// Sum of weights (e.g. fraud amounts) of true positives among scores `>= thresholds[i]`.
    package var truePositiveWeight: [Double] = []
    package var positives = 0
    package var negatives = 0
    package var positiveWeight = 0.0

    /// - Parameter weights: optional per-row weight of a positive (e.g. its amount); 1 when absent.
    package init(scores: [Double], labels: [Bool], positiveWeights: [Double]? = nil) {
        precondition(scores.count == labels.count, "scores and labels must have the same length")
        let order = scores.indices.sorted { scores[$0] > scores[$1] }
        var tp = 0, fp = 0, weight = 0.0
        for (position, index) in order.enumerated() {
            if labels[index] {
                tp += 1
                weight += positiveWeights?[index] ?? 1
            } else {
                fp += 1
            }
            let isLastOfGroup = position == order.count - 1 || scores[order[position + 1]] != scores[index]
            if isLastOfGroup {
                thresholds.append(scores[index])
                truePositives.append(tp)
                falsePositives.append(fp)
                truePositiveWeight.append(weight)
            }
        }
        positives = tp
        negatives = fp
        positiveWeight = weight
    }

    package var count: Int { thresholds.count }
}
