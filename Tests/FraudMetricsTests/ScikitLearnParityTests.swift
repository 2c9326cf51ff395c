import FraudCore
import FraudMetrics
import FraudTesting
import Testing

/// The metrics against scikit-learn (and the Fraud-Detection Handbook's pandas code) on the same arrays.
@Suite struct ScikitLearnParityTests {
    struct Input: Encodable {
        var scores: [Double], labels: [Bool], days: [Int32], cards: [Int64], threshold: Double, k: Int
    }

    struct Reference: Decodable {
        var accuracy, precision, recall, f1, false_negative_rate, roc_auc, pr_auc: Double
        var precision_at_k, card_precision_at_k: Double
        var roc_fpr, roc_tpr, pr_precision, pr_recall: [Double]
    }

    /// Scores with ties (two decimals), labels correlated with scores, 10 days, 40 cards.
    static func sample(seed: UInt64, count: Int, distinctScores: Bool) -> Input {
        var random = SplitMix64(seed: seed)
        var input = Input(scores: [], labels: [], days: [], cards: [], threshold: 0.5, k: 5)
        for _ in 0..<count {
            let label = Double.random(in: 0..<1, using: &random) < 0.1
            var score = min(1, max(0, Double.random(in: 0..<0.7, using: &random) + (label ? 0.3 : 0)))
            if !distinctScores { score = (score * 100).rounded() / 100 }
            input.scores.append(score)
            input.labels.append(label)
            input.days.append(Int32.random(in: 0..<10, using: &random))
            input.cards.append(Int64.random(in: 1...40, using: &random))
        }
        return input
    }

    @Test(arguments: [false, true])
    func matchesScikitLearn(distinctScores: Bool) throws {
        let input = Self.sample(seed: distinctScores ? 7 : 11, count: 3000, distinctScores: distinctScores)
        let reference = try PythonReference.run("model/metrics_reference.py", input: input, as: Reference.self)
        let report = EvaluationReport(scores: input.scores, labels: input.labels, days: input.days, cards: input.cards,
                                      threshold: input.threshold, k: input.k)
        #expect(abs(report.accuracy - reference.accuracy) < 1e-12)
        #expect(abs(report.precision - reference.precision) < 1e-12)
        #expect(abs(report.recall - reference.recall) < 1e-12)
        #expect(abs(report.f1 - reference.f1) < 1e-12)
        #expect(abs(report.falseNegativeRate - reference.false_negative_rate) < 1e-12)
        #expect(abs(report.rocAUC - reference.roc_auc) < 1e-12)
        #expect(abs(report.prAUC - reference.pr_auc) < 1e-12)
        let roc = Curves.roc(scores: input.scores, labels: input.labels)
        let pr = Curves.precisionRecall(scores: input.scores, labels: input.labels)
        #expect(roc.map(\.x) == reference.roc_fpr)
        #expect(roc.map(\.y) == reference.roc_tpr)
        #expect(pr.map(\.y) == reference.pr_precision)
        #expect(pr.map(\.x) == reference.pr_recall)
        // The Handbook sorts with pandas' unstable sort, so ties may be broken differently: compare on distinct scores.
        if distinctScores {
            #expect(abs(report.precisionAtK - reference.precision_at_k) < 1e-12)
            #expect(abs(report.cardPrecisionAtK - reference.card_precision_at_k) < 1e-12)
        }
    }
}
