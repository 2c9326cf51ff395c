import FraudCore

/// The Page–Hinkley change detector on the running mean of a stream, with forgetting factor,
/// as river implements it (`river.drift.PageHinkley`).
///
/// E. S. Page, "Continuous Inspection Schemes", Biometrika 41(1/2), 1954; river's variant tracks
/// a faded cumulative deviation from the running mean in both directions and signals when either
/// departs from its extreme by more than `threshold`.
package struct PageHinkley: StreamingDriftDetector {
    /// Which direction of change is watched.
    package enum Mode: String, Sendable, Hashable, Codable {
        case up, down, both
    }

    /// Observations needed before any detection (river: 30).
    package let minInstances: Int
    /// Tolerated deviation per step (river: 0.005).
    package let delta: Double
    /// The detection threshold λ (river: 50).
    package let threshold: Double
    /// Forgetting factor applied to the cumulative sums (river: 1 − 0.0001).
    package let alpha: Double
    /// Direction watched (river: both).
    package let mode: Mode

    package private(set) var driftDetected = false
    private var count = 0.0
    private var mean = 0.0
    private var sumIncrease = 0.0
    private var sumDecrease = 0.0
    private var minIncrease = Double.infinity
    // river starts the running maximum at −1, not −∞; kept for identical detection points.
    private var maxDecrease = -1.0

    /// A detector with river's defaults.
    /// - Throws: `ConfigurationError` naming the parameter when one is out of range.
    package init(minInstances: Int = 30, delta: Double = 0.005, threshold: Double = 50, alpha: Double = 1 - 0.0001, mode: Mode = .both) throws {
        guard minInstances >= 1 else { throw ConfigurationError(parameter: "minInstances", value: "\(minInstances)", expected: "≥ 1") }
        guard delta >= 0, delta.isFinite else { throw ConfigurationError(parameter: "delta", value: "\(delta)", expected: "a finite value ≥ 0") }
        guard threshold > 0, threshold.isFinite else { throw ConfigurationError(parameter: "threshold", value: "\(threshold)", expected: "a finite value > 0") }
        guard alpha > 0, alpha <= 1 else { throw ConfigurationError(parameter: "alpha", value: "\(alpha)", expected: "0 < alpha ≤ 1") }
        self.minInstances = minInstances
        self.delta = delta
        self.threshold = threshold
        self.alpha = alpha
        self.mode = mode
    }

    /// Values seen since the last reset.
    package var observations: Int { Int(count) }

    package mutating func update(_ value: Double) {
        if driftDetected { reset() }
        count += 1
        mean += (1 / count) * (value - mean)
        let deviation = value - mean
        sumIncrease = alpha * sumIncrease + deviation - delta
        sumDecrease = alpha * sumDecrease + deviation + delta
        minIncrease = min(minIncrease, sumIncrease)
        maxDecrease = max(maxDecrease, sumDecrease)
        guard count >= Double(minInstances) else { return }
        let increase = sumIncrease - minIncrease
        let decrease = maxDecrease - sumDecrease
        switch mode {
        case .up: driftDetected = increase > threshold
        case .down: driftDetected = decrease > threshold
        case .both: driftDetected = increase > threshold || decrease > threshold
        }
    }

    private mutating func reset() {
        driftDetected = false
        count = 0
        mean = 0
        sumIncrease = 0
        sumDecrease = 0
        minIncrease = .infinity
        maxDecrease = -1
    }
}
