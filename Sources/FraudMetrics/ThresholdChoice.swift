/// How to choose the decision threshold on validation data.
package enum ThresholdObjective: Hashable, Sendable, Codable {
    /// Maximise F1.
    case bestF1
    /// Minimise (amount of missed frauds) + (review cost per alert) × (alerts).
    case lowestCost(reviewCostPerAlert: Double)
}

/// A chosen threshold and what it achieves on the data it was chosen on.
package struct ThresholdChoice: Hashable, Sendable, Codable {
    /// Flag payments with `score >= threshold`.
    package var threshold: Double
    /// The objective's value there: F1, or the expected cost.
    package var objectiveValue: Double
    /// The decisions at that threshold.
    package var counts: ConfusionCounts

    /// Scans every distinct score as a threshold and keeps the best for `objective`.
    /// - Parameter amounts: payment amounts (the cost of missing a fraud); required for `.lowestCost`.
    /// - Precondition: arrays have the same length.
    package static func choose(scores: [Double], labels: [Bool], amounts: [Double]? = nil,
                              objective: ThresholdObjective) -> ThresholdChoice {
        let ranked = RankedScores(scores: scores, labels: labels, positiveWeights: amounts)
        // Threshold +∞ (flag nothing) is a candidate too: with no useful scores, it is the answer.
        var best = ThresholdChoice(threshold: .infinity, objectiveValue: value(objective, tp: 0, fp: 0, ranked: ranked, caughtWeight: 0),
                                   counts: counts(tp: 0, fp: 0, ranked: ranked))
        for index in 0..<ranked.count {
            let tp = ranked.truePositives[index], fp = ranked.falsePositives[index]
            let candidate = value(objective, tp: tp, fp: fp, ranked: ranked, caughtWeight: ranked.truePositiveWeight[index])
            if isBetter(candidate, than: best.objectiveValue, objective) {
                best = ThresholdChoice(threshold: ranked.thresholds[index], objectiveValue: candidate,
                                       counts: counts(tp: tp, fp: fp, ranked: ranked))
            }
        }
        return best
    }

    private static func value(_ objective: ThresholdObjective, tp: Int, fp: Int, ranked: RankedScores, caughtWeight: Double) -> Double {
        switch objective {
        case .bestF1:
            let fn = ranked.positives - tp
            return tp == 0 ? 0 : Double(2 * tp) / Double(2 * tp + fp + fn)
        case .lowestCost(let reviewCost):
            return (ranked.positiveWeight - caughtWeight) + reviewCost * Double(tp + fp)
        }
    }

    private static func isBetter(_ candidate: Double, than current: Double, _ objective: ThresholdObjective) -> Bool {
        switch objective {
        case .bestF1: candidate > current
        case .lowestCost: candidate < current
        }
    }

    private static func counts(tp: Int, fp: Int, ranked: RankedScores) -> ConfusionCounts {
        var counts = ConfusionCounts()
        counts.truePositives = tp
        counts.falsePositives = fp
        counts.falseNegatives = ranked.positives - tp
        counts.trueNegatives = ranked.negatives - fp
        return counts
    }
}
