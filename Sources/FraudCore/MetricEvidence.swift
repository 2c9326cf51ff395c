/// How many frauds a metric must be measured on to be evidence about a model.
///
/// With fewer, PR-AUC, recall and precision move by tenths with one fraud more or less (a single fraud gives a
/// PR-AUC of 0 or 1), so training warns and the recorded-metrics gate does not compare on them.
package enum MetricEvidence {
    /// The least number of frauds (30).
    package static let minimumFrauds = 30
}
