/// A point of a ROC or precision-recall curve.
package struct CurvePoint: Hashable, Sendable, Codable {
    /// x: false-positive rate (ROC) or recall (PR).
    package var x: Double
    /// y: true-positive rate (ROC) or precision (PR).
    package var y: Double
    /// Scores `>= threshold` are flagged at this point.
    package var threshold: Double

    package init(x: Double, y: Double, threshold: Double) {
        (self.x, self.y, self.threshold) = (x, y, threshold)
    }
}

/// ROC and precision-recall curves and their areas, as scikit-learn defines them.
package enum Curves {
    /// ROC curve: (FPR, TPR) per distinct threshold, starting at (0, 0) with threshold +∞
    /// (`sklearn.metrics.roc_curve(drop_intermediate=False)`).
    package static func roc(scores: [Double], labels: [Bool]) -> [CurvePoint] {
        roc(RankedScores(scores: scores, labels: labels))
    }

    package static func roc(_ ranked: RankedScores) -> [CurvePoint] {
        var points = [CurvePoint(x: 0, y: 0, threshold: .infinity)]
        for index in 0..<ranked.count {
            points.append(CurvePoint(
                x: ranked.negatives == 0 ? 0 : Double(ranked.falsePositives[index]) / Double(ranked.negatives),
                y: ranked.positives == 0 ? 0 : Double(ranked.truePositives[index]) / Double(ranked.positives),
                threshold: ranked.thresholds[index]))
        }
        return points
    }

    /// Area under the ROC curve by the trapezoidal rule (`roc_auc_score`); 0.5 when one class is absent.
    package static func rocAUC(scores: [Double], labels: [Bool]) -> Double {
        rocAUC(RankedScores(scores: scores, labels: labels))
    }

    package static func rocAUC(_ ranked: RankedScores) -> Double {
        guard ranked.positives > 0, ranked.negatives > 0 else { return 0.5 }
        let points = roc(ranked)
        var area = 0.0
        for index in 1..<points.count {
            area += (points[index].x - points[index - 1].x) * (points[index].y + points[index - 1].y) / 2
        }
        return area
    }

    /// Precision-recall curve by decreasing threshold, ending at recall 0 / precision 1
    /// (`precision_recall_curve`, reversed to run from the highest threshold).
    package static func precisionRecall(scores: [Double], labels: [Bool]) -> [CurvePoint] {
        precisionRecall(RankedScores(scores: scores, labels: labels))
    }

    package static func precisionRecall(_ ranked: RankedScores) -> [CurvePoint] {
        var points = [CurvePoint(x: 0, y: 1, threshold: .infinity)]
        for index in 0..<ranked.count {
            let flagged = ranked.truePositives[index] + ranked.falsePositives[index]
            points.append(CurvePoint(
                x: ranked.positives == 0 ? 0 : Double(ranked.truePositives[index]) / Double(ranked.positives),
                y: flagged == 0 ? 0 : Double(ranked.truePositives[index]) / Double(flagged),
                threshold: ranked.thresholds[index]))
        }
        return points
    }

    /// Average precision, Σ (Rₙ − Rₙ₋₁) Pₙ over thresholds (`average_precision_score`): the PR-AUC.
    /// 0 when there are no positives.
    package static func averagePrecision(scores: [Double], labels: [Bool]) -> Double {
        averagePrecision(RankedScores(scores: scores, labels: labels))
    }

    package static func averagePrecision(_ ranked: RankedScores) -> Double {
        guard ranked.positives > 0 else { return 0 }
        var area = 0.0
        var previousRecall = 0.0
        for index in 0..<ranked.count {
            let recall = Double(ranked.truePositives[index]) / Double(ranked.positives)
            let precision = Double(ranked.truePositives[index]) / Double(ranked.truePositives[index] + ranked.falsePositives[index])
            area += (recall - previousRecall) * precision
            previousRecall = recall
        }
        return area
    }
}
