import FraudCore

/// The monitor's latest findings.
package struct MonitorStatus: Sendable {
    /// Scored payments read (warm-up included).
    package var paymentsSeen: Int
    /// The latest drift check, if any.
    package var lastCheck: DriftWindow.Check?
    /// The latest labelled-performance figures, once labels arrived.
    package var performance: PerformanceWindow.Snapshot?
    /// Drift reports written to the store.
    package var reportsSaved: Int
    /// Operational alerts raised (one per episode).
    package var alerts: [OperationalAlert]
}
