import FraudMetrics
import FraudTesting
import Testing

@Suite struct ThresholdChoiceTests {
    @Test func bestF1IsTheMaximumOverAllThresholds() {
        let input = ScikitLearnParityTests.sample(seed: 3, count: 500, distinctScores: false)
        let choice = ThresholdChoice.choose(scores: input.scores, labels: input.labels, objective: .bestF1)
        let bruteForce = Set(input.scores).map { ConfusionCounts(scores: input.scores, labels: input.labels, threshold: $0).f1 }.max()!
        #expect(abs(choice.objectiveValue - bruteForce) < 1e-12)
        #expect(choice.counts == ConfusionCounts(scores: input.scores, labels: input.labels, threshold: choice.threshold))
    }

    @Test func lowestCostWeighsMissedAmountsAgainstReviews() {
        // Two frauds: 1000 at score 0.9, 5 at score 0.2; eight legitimate payments between them.
        let scores = [0.9, 0.8, 0.7, 0.6, 0.5, 0.45, 0.4, 0.35, 0.3, 0.2]
        let labels = [true, false, false, false, false, false, false, false, false, true]
        let amounts = [1000.0, 1, 1, 1, 1, 1, 1, 1, 1, 5]
        // Reviewing costs 10 an alert: catching the 5 costs 90 more in reviews, so stop at 0.9.
        let cheap = ThresholdChoice.choose(scores: scores, labels: labels, amounts: amounts, objective: .lowestCost(reviewCostPerAlert: 10))
        #expect(cheap.threshold == 0.9)
        #expect(cheap.objectiveValue == 5 + 10)
        // Reviews are free: flag everything.
        let free = ThresholdChoice.choose(scores: scores, labels: labels, amounts: amounts, objective: .lowestCost(reviewCostPerAlert: 0))
        #expect(free.threshold == 0.2)
        #expect(free.counts.falseNegatives == 0)
    }

    @Test func confusionCountsMerge() {
        var left = ConfusionCounts(scores: [0.9, 0.1], labels: [true, true], threshold: 0.5)
        let right = ConfusionCounts(scores: [0.9, 0.1], labels: [false, false], threshold: 0.5)
        left.merge(right)
        #expect(left.truePositives == 1 && left.falseNegatives == 1 && left.falsePositives == 1 && left.trueNegatives == 1)
        #expect(left.f1 == 0.5)
    }
}
