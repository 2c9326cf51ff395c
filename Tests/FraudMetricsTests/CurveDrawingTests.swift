import FraudCore
import FraudMetrics
import Testing

/// The curves of the HTML report stay close to the exact ones, and the plots show ticks and the operating point.
@Suite struct CurveDrawingTests {
    /// 300 frauds in 20,000 payments: the top 267 scores hold 240 frauds (recall 0.8 at precision 0.9), then
    /// precision drops sharply among thousands of distinct low scores.
    static func sharpDrop() -> (scores: [Double], labels: [Bool]) {
        var random = SplitMix64(seed: 3)
        var scores: [Double] = [], labels: [Bool] = []
        for index in 0..<267 {
            scores.append(0.9 + Double.random(in: 0..<0.1, using: &random))
            labels.append(index % 10 != 0)
        }
        let highFrauds = labels.filter { $0 }.count
        for index in 0..<(20_000 - 267) {
            scores.append(Double.random(in: 0..<0.85, using: &random))
            labels.append(index < 300 - highFrauds)
        }
        return (scores, labels)
    }

    /// Largest distance from a point of `exact` to the polyline `drawn`.
    static func worstGap(_ exact: [CurvePoint], _ drawn: [CurvePoint]) -> Double {
        exact.map { point in
            zip(drawn, drawn.dropFirst()).map { CurveSimplification.distanceToSegment(point, $0, $1) }.min() ?? .infinity
        }.max() ?? 0
    }

    @Test func drawnCurvesStayWithinOneHundredthOfTheExactOnes() {
        let (scores, labels) = Self.sharpDrop()
        let report = EvaluationReport(scores: scores, labels: labels, days: scores.map { _ in 0 }, cards: scores.map { _ in 1 }, threshold: 0.9)
        #expect(report.recall == 0.8 && abs(report.precision - 0.9) < 0.002)
        let exactPR = Curves.precisionRecall(scores: scores, labels: labels), exactROC = Curves.roc(scores: scores, labels: labels)
        #expect(report.prCurve.count < exactPR.count / 10)
        #expect(Self.worstGap(exactPR, report.prCurve) <= 0.01)
        #expect(Self.worstGap(exactROC, report.rocCurve) <= 0.01)
        // The operating point lies on the drawn curve, not far below it.
        #expect(Self.worstGap([CurvePoint(x: report.recall, y: report.precision, threshold: 0.9)], report.prCurve) <= 0.01)
    }

    @Test func plotsHaveTicksAndTheOperatingPoint() {
        let (scores, labels) = Self.sharpDrop()
        let report = EvaluationReport(scores: scores, labels: labels, days: scores.map { _ in 0 }, cards: scores.map { _ in 1 }, threshold: 0.9)
        let html = EvaluationHTML.render(report, title: "sharp drop")
        #expect(html.components(separatedBy: "<circle").count - 1 == 2)
        #expect(html.contains(">threshold 0.9: (0.8, 0.8989)</text>"))  // the PR point: recall 0.8, precision 0.9
        for tick in ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"] { #expect(html.contains(">\(tick)</text>")) }
    }
}
