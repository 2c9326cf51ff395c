import FraudCore
import FraudMetrics

/// The facts the triggers are decided on, gathered from the store by the `Retrainer`.
public struct RetrainSignals: Hashable, Sendable {
    /// Now (wall clock).
    public var now: EventTime
    /// When the last retraining started, if any.
    public var lastRetrainAt: EventTime?
    /// Confirmed labels in the store now, and at the last retraining.
    public var labelledTotal: Int
    /// Confirmed labels in the store when the last retraining started (0 before any).
    public var labelledAtLastRetrain: Int
    /// The newest drift report.
    public var latestDrift: DriftReportRecord?
    /// Decisions of the current champion against confirmed labels, over the performance window.
    public var championPerformance: ConfusionCounts?

    /// Signals as read at `now`.
    public init(now: EventTime, lastRetrainAt: EventTime?, labelledTotal: Int, labelledAtLastRetrain: Int,
                latestDrift: DriftReportRecord?, championPerformance: ConfusionCounts?) {
        self.now = now
        self.lastRetrainAt = lastRetrainAt
        self.labelledTotal = labelledTotal
        self.labelledAtLastRetrain = labelledAtLastRetrain
        self.latestDrift = latestDrift
        self.championPerformance = championPerformance
    }
}
