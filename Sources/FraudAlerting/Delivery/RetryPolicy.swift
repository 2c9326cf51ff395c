import FraudCore

/// When to try a failed delivery again: exponential backoff with jitter, up to a number of attempts.
package struct RetryPolicy: Hashable, Sendable {
    /// Attempts in all, the first included. Default 5.
    package let maxAttempts: Int
    /// Wait before the second attempt. Default 1 s.
    package let initialBackoff: Duration
    /// Each further wait is the previous one times this. Default 2.
    package let multiplier: Double
    /// No wait is longer than this (a server's `Retry-After` included). Default 60 s.
    package let maxBackoff: Duration
    /// Share of each wait drawn at random, 0...1: the wait is uniform in `[(1 - jitter) × w, w]`. Default 0.5.
    package let jitter: Double

    /// A policy; throws naming the parameter when a value is out of range.
    package init(
        maxAttempts: Int = 5, initialBackoff: Duration = .seconds(1), multiplier: Double = 2,
        maxBackoff: Duration = .seconds(60), jitter: Double = 0.5
    ) throws(ConfigurationError) {
        guard maxAttempts >= 1 else {
            throw ConfigurationError(parameter: "maxAttempts", value: String(maxAttempts), reason: "must be at least 1")
        }
        guard initialBackoff >= .zero else {
            throw ConfigurationError(parameter: "initialBackoff", value: "\(initialBackoff)", reason: "must not be negative")
        }
        guard multiplier >= 1, multiplier.isFinite else {
            throw ConfigurationError(parameter: "multiplier", value: "\(multiplier)", reason: "must be at least 1")
        }
        guard maxBackoff >= initialBackoff else {
            throw ConfigurationError(parameter: "maxBackoff", value: "\(maxBackoff)", reason: "must be at least initialBackoff")
        }
        guard (0...1).contains(jitter) else {
            throw ConfigurationError(parameter: "jitter", value: "\(jitter)", reason: "must be in 0...1")
        }
        self.maxAttempts = maxAttempts
        self.initialBackoff = initialBackoff
        self.multiplier = multiplier
        self.maxBackoff = maxBackoff
        self.jitter = jitter
    }

    /// The defaults: 5 attempts, 1 s doubling up to 60 s, half of each wait random.
    package static let standard = try! RetryPolicy()

    /// The wait before attempt `attempt + 1` after `attempt` failed, before jitter, in milliseconds.
    package func backoffMilliseconds(afterAttempt attempt: Int) -> Int64 {
        Int64(ExponentialBackoff.milliseconds(afterFailures: attempt, initial: initialBackoff, multiplier: multiplier, maximum: maxBackoff))
    }
}
