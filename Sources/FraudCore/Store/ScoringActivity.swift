/// What the store saw scored in a wall-clock window (`scored_at`): throughput, predicted frauds and
/// latency percentiles. Computed from stored rows, so it is the same whichever process scored them.
package struct ScoringActivity: Hashable, Sendable {
    /// Start of the window (inclusive).
    package var since: EventTime
    /// End of the window (exclusive).
    package var until: EventTime
    /// Payments scored in the window.
    package var payments: Int
    /// Of those, payments predicted as fraud.
    package var predictedFrauds: Int
    /// Median of `latency_ms` in the window; nil when nothing was scored.
    package var latencyP50Ms: Double?
    /// 99th percentile of `latency_ms` in the window; nil when nothing was scored.
    package var latencyP99Ms: Double?

    package init(since: EventTime, until: EventTime, payments: Int, predictedFrauds: Int, latencyP50Ms: Double?, latencyP99Ms: Double?) {
        self.since = since
        self.until = until
        self.payments = payments
        self.predictedFrauds = predictedFrauds
        self.latencyP50Ms = latencyP50Ms
        self.latencyP99Ms = latencyP99Ms
    }

    /// The window's length in seconds.
    package var seconds: Double { Double(until.millisecondsSinceEpoch - since.millisecondsSinceEpoch) / 1000 }

    /// Payments scored per second over the window.
    package var paymentsPerSecond: Double { seconds > 0 ? Double(payments) / seconds : 0 }

    /// Share of the window's payments predicted as fraud; nil when nothing was scored.
    package var fraudRate: Double? { payments > 0 ? Double(predictedFrauds) / Double(payments) : nil }

    /// The 0-based rank of the `quantile` (0...1) among `count` sorted values (nearest rank).
    package static func rank(quantile: Double, count: Int) -> Int {
        guard count > 0 else { return 0 }
        let rank = Int((quantile * Double(count)).rounded(.up)) - 1
        return min(max(rank, 0), count - 1)
    }
}
