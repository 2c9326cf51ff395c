import FraudCore
import FraudMetrics

/// The evaluation figures as aligned text.
enum EvaluationText {
    static func print(_ report: EvaluationReport, title: String) {
        Swift.print(title)
        let rows: [(String, String)] = [
            ("rows", "\(report.rows)"), ("frauds", "\(report.frauds)"), ("threshold", Fixed(report.threshold, digits: 4).description),
            ("accuracy", Fixed(report.accuracy, digits: 4).description), ("precision", Fixed(report.precision, digits: 4).description),
            ("recall", Fixed(report.recall, digits: 4).description), ("f1", Fixed(report.f1, digits: 4).description),
            ("false_negative_rate", Fixed(report.falseNegativeRate, digits: 4).description),
            ("roc_auc", Fixed(report.rocAUC, digits: 4).description), ("pr_auc", Fixed(report.prAUC, digits: 4).description),
            ("precision_at_k", Fixed(report.precisionAtK, digits: 4).description + " (k=\(report.k))"),
            ("card_precision_at_k", Fixed(report.cardPrecisionAtK, digits: 4).description + " (k=\(report.k))"),
            ("confusion", "tp \(report.confusion.truePositives)  fp \(report.confusion.falsePositives)  "
                + "tn \(report.confusion.trueNegatives)  fn \(report.confusion.falseNegatives)"),
        ]
        for (name, value) in rows {
            Swift.print("  " + name + String(repeating: " ", count: max(1, 22 - name.count)) + value)
        }
    }
}
