import FraudCore
import FraudMetrics

/// The facts the triggers are decided on, gathered from the store by the `Retrainer`.
package struct RetrainSignals: Hashable, Sendable {
    /// Now (wall clock).
    package var now: EventTime
    /// When the last retraining started, if any.
    package var lastRetrainAt: EventTime?
    /// Confirmed labels in the store now, and at the last retraining.
    package var labelledTotal: Int
    /// Confirmed labels in the store when the last retraining started (0 before any).
    package var labelledAtLastRetrain: Int
    /// The newest drift report.
    package var latestDrift: DriftReportRecord?
    /// Decisions of the current champion against confirmed labels, over the performance window.
    package var championPerformance: ConfusionCounts?

    /// Signals as read at `now`.
    package init(now: EventTime, lastRetrainAt: EventTime?, labelledTotal: Int, labelledAtLastRetrain: Int,
                latestDrift: DriftReportRecord?, championPerformance: ConfusionCounts?) {
        self.now = now
        self.lastRetrainAt = lastRetrainAt
        self.labelledTotal = labelledTotal
        self.labelledAtLastRetrain = labelledAtLastRetrain
        self.latestDrift = latestDrift
        self.championPerformance = championPerformance
    }
}
