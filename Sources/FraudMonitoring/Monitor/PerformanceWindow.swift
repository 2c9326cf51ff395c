import FraudCore
import FraudDrift
import FraudMetrics

/// Labelled performance: precision, recall and F1 of the decisions made at scoring time (`prediction`) against the
/// analysts' `true_value`, over the most recent `size` labelled payments, plus Page–Hinkley and ADWIN on the error
/// stream (1 when the decision was wrong, 0 when right), fed in label order.
package struct PerformanceWindow: Sendable {
    /// What the window says now.
    package struct Snapshot: Hashable, Sendable {
        /// Decisions against confirmed labels over the window.
        package var confusion: ConfusionCounts
        /// TP / (TP + FP) over the window.
        package var precision: Double { confusion.precision }
        /// TP / (TP + FN) over the window.
        package var recall: Double { confusion.recall }
        /// Harmonic mean of precision and recall.
        package var f1: Double { confusion.f1 }
        /// Labelled payments in the window.
        package var rows: Int { confusion.total }
        /// Labels read since the start.
        package var labelsSeen: Int
        /// Changes detected in the error stream since the start.
        package var pageHinkleyDetections: Int
        /// Changes ADWIN detected in the error stream since the start.
        package var adwinDetections: Int
        /// Whether the last update detected a change in the error rate.
        package var errorDriftDetected: Bool
    }

    /// Labelled decisions kept.
    package let size: Int
    private var decisions: [(transNum: String, predicted: Bool, actual: Bool)] = []
    private var pageHinkley: PageHinkley
    private var adwin: ADWIN
    private var labelsSeen = 0
    private var pageHinkleyDetections = 0
    private var errorDriftDetected = false

    /// - Throws: `ConfigurationError` from the detectors' parameters.
    package init(size: Int, pageHinkley: PageHinkley? = nil, adwin: ADWIN? = nil) throws {
        self.size = max(1, size)
        // Error rates are small (a few %): river's default λ = 50 would need thousands of errors to react.
        self.pageHinkley = try pageHinkley ?? PageHinkley(minInstances: 30, delta: 0.005, threshold: 5, mode: .up)
        self.adwin = try adwin ?? ADWIN()
    }

    /// Adds labelled payments in label order; a payment already in the window (relabelled) replaces its earlier entry.
    package mutating func add(_ labelled: [StoredTransaction]) {
        for row in labelled {
            guard let actual = row.trueValue else { continue }
            let predicted = row.scored.prediction
            decisions.removeAll { $0.transNum == row.transNum }
            decisions.append((row.transNum, predicted, actual))
            if decisions.count > size { decisions.removeFirst(decisions.count - size) }
            labelsSeen += 1
            let error = predicted == actual ? 0.0 : 1.0
            pageHinkley.update(error)
            adwin.update(error)
            if pageHinkley.driftDetected { pageHinkleyDetections += 1 }
            errorDriftDetected = pageHinkley.driftDetected || adwin.driftDetected
        }
    }

    /// The window's figures.
    package var snapshot: Snapshot {
        var confusion = ConfusionCounts()
        for decision in decisions { confusion.update(predicted: decision.predicted, actual: decision.actual) }
        return Snapshot(confusion: confusion, labelsSeen: labelsSeen, pageHinkleyDetections: pageHinkleyDetections,
                        adwinDetections: adwin.detections, errorDriftDetected: errorDriftDetected)
    }
}
