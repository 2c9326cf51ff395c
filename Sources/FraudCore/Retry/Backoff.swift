/// How every retry in the system waits (the store's attempts, a worker riding out an outage, alert deliveries, the
/// poller): after `failures` failures in a row, `initial × multiplier^(failures - 1)`, at most `maximum`, with the last
/// `jitter` share of it drawn at random so that many clients do not retry in step.
package struct Backoff: Hashable, Sendable {
    /// Wait after the first failure.
    package let initial: Duration
    /// Each further wait is the previous one times this.
    package let multiplier: Double
    /// No wait is longer than this.
    package let maximum: Duration
    /// Share of each wait drawn at random, 0...1: the wait is uniform in `[(1 - jitter) × w, w]`.
    package let jitter: Double

    /// A backoff; throws naming the parameter (`backoff.initial`, ...) when a value is out of range.
    package init(initial: Duration, multiplier: Double = 2, maximum: Duration, jitter: Double = 0) throws(ConfigurationError) {
        guard initial >= .zero else { throw Self.invalid("initial", "\(initial)", "must not be negative") }
        guard multiplier >= 1, multiplier.isFinite else { throw Self.invalid("multiplier", "\(multiplier)", "must be a finite number >= 1") }
        guard maximum >= initial else { throw Self.invalid("maximum", "\(maximum)", "must be at least backoff.initial") }
        guard (0...1).contains(jitter) else { throw Self.invalid("jitter", "\(jitter)", "must be in 0...1") }
        self.initial = initial
        self.multiplier = multiplier
        self.maximum = maximum
        self.jitter = jitter
    }

    /// The wait after `failures` failures in a row, before jitter (the longest it can be).
    package func wait(afterFailures failures: Int) -> Duration {
        .milliseconds(Int64(milliseconds(afterFailures: failures).rounded()))
    }

    /// The wait after `failures` failures in a row, jittered with a draw from `random`.
    package func wait(afterFailures failures: Int, random: inout SplitMix64) -> Duration {
        .milliseconds(Int64((milliseconds(afterFailures: failures) * (1 - jitter * random.nextUnit())).rounded()))
    }

    private func milliseconds(afterFailures failures: Int) -> Double {
        let cap = Double(maximum.milliseconds)
        var wait = Double(initial.milliseconds)
        for _ in 1..<max(failures, 1) where wait < cap { wait *= multiplier }
        return min(wait, cap)
    }

    private static func invalid(_ parameter: String, _ value: String, _ reason: String) -> ConfigurationError {
        ConfigurationError(parameter: "backoff." + parameter, value: value, reason: reason)
    }
}
