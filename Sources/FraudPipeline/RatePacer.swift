import FraudCore
import FraudRuntime

/// Paces a source at `rate` records per second (or not at all): it says how many records may go in the next
/// batch and waits until their scheduled time, so the average rate holds without drift over long runs.
struct RatePacer {
    /// Records per second; `nil` = as fast as possible.
    let rate: Double?
    /// Largest batch handed to the producer.
    let maxBatch: Int
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant
    private(set) var sent: Int = 0

    /// - Precondition: `rate` is positive when given; `maxBatch > 0`.
    init(rate: Double?, maxBatch: Int) {
        precondition(rate.map { $0 > 0 } ?? true, "rate must be positive")
        precondition(maxBatch > 0, "maxBatch must be positive")
        self.rate = rate
        self.maxBatch = maxBatch
        start = clock.now
    }

    /// Checks a source's settings before it starts: `rate` (payments per second) positive and finite when given,
    /// `maxBatch` at least 1.
    static func check(rate: Double?, maxBatch: Int) throws(ConfigurationError) {
        if let rate, !(rate > 0 && rate.isFinite) {
            throw ConfigurationError(parameter: "rate", value: rate, expected: "a positive number of payments/s")
        }
        guard maxBatch >= 1 else { throw ConfigurationError(parameter: "maxBatch", value: maxBatch, expected: "at least 1") }
    }

    /// Batch size: at a rate, about 10 ms worth of records (so latency is not added by batching), at least 1.
    var batchSize: Int {
        guard let rate else { return maxBatch }
        return min(maxBatch, max(1, Int(rate / 100)))
    }

    /// Waits until the next `count` records are due, returning early on a stop.
    mutating func waitForNext(_ count: Int, stop: StopSignal) async {
        defer { sent += count }
        guard let rate else { return }
        let due = start + .nanoseconds(Int64(Double(sent) / rate * 1e9))
        let now = clock.now
        if due > now { await stop.sleep(for: due - now) }
    }
}
