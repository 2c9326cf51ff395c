import FraudCore

/// One ROC or precision-recall curve as an inline SVG plot: both axes 0...1 with tick labels and grid lines,
/// the curve as a polyline, and the model's operating point (its threshold) as a labelled dot.
struct CurvePlot {
    var title: String
    var xLabel: String
    var yLabel: String
    var points: [CurvePoint]
    /// Where the model's threshold puts it on the curve.
    var operatingPoint: CurvePoint
    /// Draws the chance diagonal (ROC).
    var diagonal: Bool

    static let size = 320.0, left = 56.0, top = 36.0, ticks = [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]

    func x(_ value: Double) -> String { EvaluationHTML.rounded(Self.left + value * Self.size) }
    func y(_ value: Double) -> String { EvaluationHTML.rounded(Self.top + (1 - value) * Self.size) }

    var svg: String {
        let (size, left, top) = (Self.size, Self.left, Self.top)
        let grid = Self.ticks.map { tick in
            """
            <line x1="\(x(tick))" y1="\(y(0))" x2="\(x(tick))" y2="\(y(1))" stroke="#e4e4e4"/>\
            <line x1="\(x(0))" y1="\(y(tick))" x2="\(x(1))" y2="\(y(tick))" stroke="#e4e4e4"/>\
            <text x="\(x(tick))" y="\(EvaluationHTML.rounded(top + size + 16))" font-size="11" text-anchor="middle">\(tick)</text>\
            <text x="\(EvaluationHTML.rounded(left - 6))" y="\(EvaluationHTML.rounded(top + (1 - tick) * size + 4))" font-size="11" text-anchor="end">\(tick)</text>
            """
        }.joined(separator: "\n")
        let guide = diagonal ? "<line x1=\"\(x(0))\" y1=\"\(y(0))\" x2=\"\(x(1))\" y2=\"\(y(1))\" stroke=\"#bbb\" stroke-dasharray=\"4\"/>" : ""
        let path = points.map { "\(x($0.x)),\(y($0.y))" }.joined(separator: " ")
        let point = operatingPoint
        let label = "threshold \(EvaluationHTML.rounded(point.threshold)): (\(EvaluationHTML.rounded(point.x)), \(EvaluationHTML.rounded(point.y)))"
        let labelAnchor = point.x > 0.5 ? "end" : "start"
        let labelX = EvaluationHTML.rounded(left + point.x * size + (point.x > 0.5 ? -8 : 8))
        let labelY = EvaluationHTML.rounded(top + (1 - point.y) * size + (point.y > 0.9 ? 16 : -8))
        return """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(size + left + 24))" height="\(Int(size + top + 48))">
        <text x="\(left)" y="20" font-size="14">\(htmlEscaped(title))</text>
        \(grid)
        <rect x="\(left)" y="\(top)" width="\(size)" height="\(size)" fill="none" stroke="#888"/>\(guide)
        <polyline fill="none" stroke="#c0392b" stroke-width="2" points="\(path)"/>
        <circle cx="\(x(point.x))" cy="\(y(point.y))" r="5" fill="#2c3e50"><title>\(htmlEscaped(label))</title></circle>
        <text x="\(labelX)" y="\(labelY)" font-size="11" text-anchor="\(labelAnchor)" fill="#2c3e50">\(htmlEscaped(label))</text>
        <text x="\(EvaluationHTML.rounded(left + size / 2))" y="\(EvaluationHTML.rounded(top + size + 36))" font-size="12" text-anchor="middle">\(htmlEscaped(xLabel))</text>
        <text x="14" y="\(EvaluationHTML.rounded(top + size / 2))" font-size="12" text-anchor="middle" transform="rotate(-90 14 \(EvaluationHTML.rounded(top + size / 2)))">\(htmlEscaped(yLabel))</text>
        </svg>
        """
    }
}
