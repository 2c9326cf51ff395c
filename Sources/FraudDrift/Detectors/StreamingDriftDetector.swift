/// A detector fed one value at a time (an error indicator, a loss, a score), which says after each
/// update whether the stream's distribution just changed (river's `DriftDetector`).
package protocol StreamingDriftDetector: Sendable {
    /// Feeds the next value. After a detection, the next update first resets the detector.
    mutating func update(_ value: Double)
    /// Whether the last update detected a change.
    var driftDetected: Bool { get }
}
