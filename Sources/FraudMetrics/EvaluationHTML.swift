import FraudCore

/// A self-contained HTML page of an `EvaluationReport`: the figures, the confusion matrix, and the
/// ROC and precision-recall curves as inline SVG with the model's operating point (no scripts, no external assets).
package enum EvaluationHTML {
    package static func render(_ report: EvaluationReport, title: String) -> String {
        let figures: [(String, Double)] = [
            ("accuracy", report.accuracy), ("precision", report.precision), ("recall", report.recall), ("f1", report.f1),
            ("false_negative_rate", report.falseNegativeRate), ("roc_auc", report.rocAUC), ("pr_auc", report.prAUC),
            ("precision_at_k (k=\(report.k))", report.precisionAtK), ("card_precision_at_k (k=\(report.k))", report.cardPrecisionAtK),
            ("threshold", report.threshold),
        ]
        let rows = figures.map { "<tr><th>\(htmlEscaped($0.0))</th><td>\(rounded($0.1))</td></tr>" }.joined()
        let c = report.confusion
        return """
        <!doctype html><html><head><meta charset="utf-8"><title>\(htmlEscaped(title))</title>
        <style>body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}
        th,td{border:1px solid #ccc;padding:4px 10px;text-align:left}svg{margin-right:2em;background:#fafafa}</style></head>
        <body><h1>\(htmlEscaped(title))</h1><p>\(report.rows) payments, \(report.frauds) frauds.</p>
        <table>\(rows)</table>
        <table><tr><th></th><th>predicted fraud</th><th>predicted legitimate</th></tr>
        <tr><th>fraud</th><td>\(c.truePositives)</td><td>\(c.falseNegatives)</td></tr>
        <tr><th>legitimate</th><td>\(c.falsePositives)</td><td>\(c.trueNegatives)</td></tr></table>
        \(CurvePlot(title: "ROC (AUC \(rounded(report.rocAUC)))", xLabel: "false-positive rate", yLabel: "true-positive rate",
                    points: report.rocCurve, operatingPoint: CurvePoint(x: c.falsePositiveRate, y: c.recall, threshold: report.threshold),
                    diagonal: true).svg)
        \(CurvePlot(title: "Precision-recall (AP \(rounded(report.prAUC)))", xLabel: "recall", yLabel: "precision",
                    points: report.prCurve, operatingPoint: CurvePoint(x: c.recall, y: c.precision, threshold: report.threshold),
                    diagonal: false).svg)
        </body></html>
        """
    }

    /// `value` to 4 decimals, as short as Swift prints it.
    static func rounded(_ value: Double) -> String {
        Fixed.rounded(value, digits: 4).description
    }
}
