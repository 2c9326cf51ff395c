import FraudCore

/// The monitor's latest findings.
public struct MonitorStatus: Sendable {
    /// Scored payments read (warm-up included).
    public var paymentsSeen: Int
    /// The latest drift check, if any.
    public var lastCheck: DriftWindow.Check?
    /// The latest labelled-performance figures, once labels arrived.
    public var performance: PerformanceWindow.Snapshot?
    /// Drift reports written to the store.
    public var reportsSaved: Int
    /// Operational alerts raised (one per episode).
    public var alerts: [OperationalAlert]
}
