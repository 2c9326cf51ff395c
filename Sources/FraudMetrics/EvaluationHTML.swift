/// A self-contained HTML page of an `EvaluationReport`: the figures, the confusion matrix, and the
/// ROC and precision-recall curves as inline SVG (no scripts, no external assets).
public enum EvaluationHTML {
    public static func render(_ report: EvaluationReport, title: String) -> String {
        let figures: [(String, Double)] = [
            ("accuracy", report.accuracy), ("precision", report.precision), ("recall", report.recall), ("f1", report.f1),
            ("false_negative_rate", report.falseNegativeRate), ("roc_auc", report.rocAUC), ("pr_auc", report.prAUC),
            ("precision_at_k (k=\(report.k))", report.precisionAtK), ("card_precision_at_k (k=\(report.k))", report.cardPrecisionAtK),
            ("threshold", report.threshold),
        ]
        let rows = figures.map { "<tr><th>\(escape($0.0))</th><td>\(rounded($0.1))</td></tr>" }.joined()
        let c = report.confusion
        return """
        <!doctype html><html><head><meta charset="utf-8"><title>\(escape(title))</title>
        <style>body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}
        th,td{border:1px solid #ccc;padding:4px 10px;text-align:left}svg{margin-right:2em;background:#fafafa}</style></head>
        <body><h1>\(escape(title))</h1><p>\(report.rows) payments, \(report.frauds) frauds.</p>
        <table>\(rows)</table>
        <table><tr><th></th><th>predicted fraud</th><th>predicted legitimate</th></tr>
        <tr><th>fraud</th><td>\(c.truePositives)</td><td>\(c.falseNegatives)</td></tr>
        <tr><th>legitimate</th><td>\(c.falsePositives)</td><td>\(c.trueNegatives)</td></tr></table>
        \(curve(report.rocCurve, title: "ROC (AUC \(rounded(report.rocAUC)))", xLabel: "false-positive rate", yLabel: "true-positive rate", diagonal: true))
        \(curve(report.prCurve, title: "Precision-recall (AP \(rounded(report.prAUC)))", xLabel: "recall", yLabel: "precision", diagonal: false))
        </body></html>
        """
    }

    /// One curve in a 320×320 plot area with axes.
    static func curve(_ points: [CurvePoint], title: String, xLabel: String, yLabel: String, diagonal: Bool) -> String {
        let size = 320.0, margin = 40.0
        let path = points.map { "\(rounded(margin + $0.x * size)),\(rounded(margin + (1 - $0.y) * size))" }.joined(separator: " ")
        let guide = diagonal ? "<line x1=\"\(margin)\" y1=\"\(margin + size)\" x2=\"\(margin + size)\" y2=\"\(margin)\" stroke=\"#bbb\" stroke-dasharray=\"4\"/>" : ""
        return """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(size + 2 * margin))" height="\(Int(size + 2 * margin))">
        <text x="\(margin)" y="20" font-size="14">\(escape(title))</text>
        <rect x="\(margin)" y="\(margin)" width="\(size)" height="\(size)" fill="none" stroke="#888"/>\(guide)
        <polyline fill="none" stroke="#c0392b" stroke-width="2" points="\(path)"/>
        <text x="\(margin + size / 2 - 40)" y="\(margin + size + 28)" font-size="12">\(escape(xLabel))</text>
        <text x="12" y="\(margin + size / 2 + 40)" font-size="12" transform="rotate(-90 12 \(margin + size / 2 + 40))">\(escape(yLabel))</text>
        </svg>
        """
    }

    static func rounded(_ value: Double) -> String {
        guard value.isFinite else { return value.description }
        return ((value * 10_000).rounded() / 10_000).description
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}
