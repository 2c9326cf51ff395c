/// Every evaluation figure of a scored, labelled set of payments (what `fraud evaluate` prints).
package struct EvaluationReport: Hashable, Sendable, Codable {
    package var rows: Int
    package var frauds: Int
    package var threshold: Double
    package var accuracy: Double
    package var precision: Double
    package var recall: Double
    package var f1: Double
    package var falseNegativeRate: Double
    package var rocAUC: Double
    /// Average precision (scikit-learn's definition).
    package var prAUC: Double
    /// The k of the two precision@k figures (alerts checked per day).
    package var k: Int
    package var precisionAtK: Double
    package var cardPrecisionAtK: Double
    package var confusion: ConfusionCounts
    /// ROC curve, simplified to within `curveTolerance` of every threshold's point.
    package var rocCurve: [CurvePoint]
    /// Precision-recall curve, simplified to within `curveTolerance` of every threshold's point.
    package var prCurve: [CurvePoint]

    enum CodingKeys: String, CodingKey {
        case rows, frauds, threshold, accuracy, precision, recall, f1
        case falseNegativeRate = "false_negative_rate", rocAUC = "roc_auc", prAUC = "pr_auc", k
        case precisionAtK = "precision_at_k", cardPrecisionAtK = "card_precision_at_k"
        case confusion, rocCurve = "roc_curve", prCurve = "pr_curve"
    }

    /// Computes every figure.
    /// - Parameters:
    ///   - days: day number of each payment (for precision@k); `cards`: card of each payment.
    ///   - k: alerts per day for precision@k (the Handbook uses 100).
    ///   - curveTolerance: how far (plot units) the stored curves may stray from the exact ones (`CurveSimplification`).
    package init(scores: [Double], labels: [Bool], days: [Int32], cards: [Int64], threshold: Double,
                k: Int = 100, curveTolerance: Double = 0.002) {
        let ranked = RankedScores(scores: scores, labels: labels)
        let confusion = ConfusionCounts(scores: scores, labels: labels, threshold: threshold)
        self.rows = scores.count
        self.frauds = ranked.positives
        self.threshold = threshold
        self.accuracy = confusion.accuracy
        self.precision = confusion.precision
        self.recall = confusion.recall
        self.f1 = confusion.f1
        self.falseNegativeRate = confusion.falseNegativeRate
        self.rocAUC = Curves.rocAUC(ranked)
        self.prAUC = Curves.averagePrecision(ranked)
        self.k = k
        self.precisionAtK = PrecisionAtK.precisionAtK(scores: scores, labels: labels, days: days, k: k)
        self.cardPrecisionAtK = PrecisionAtK.cardPrecisionAtK(scores: scores, labels: labels, days: days, cards: cards, k: k)
        self.confusion = confusion
        self.rocCurve = CurveSimplification.simplify(Curves.roc(ranked), tolerance: curveTolerance)
        self.prCurve = CurveSimplification.simplify(Curves.precisionRecall(ranked), tolerance: curveTolerance)
    }
}
