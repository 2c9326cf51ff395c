import FraudCore

/// When the poller calls the API next, as a state machine: the caller reports how each call ended and
/// gets back how long to wait before the next one.
///
/// - A call that reached the API and was read (even if its body was malformed) waits `interval`, the
///   rate the API allows, and resets the backoff.
/// - HTTP 429 waits the server's `Retry-After` (never less than `interval`); without one it backs off.
/// - Network errors, timeouts, 5xx and other refusals back off exponentially with jitter:
///   `Backoff` drawn from a seeded generator, so tests get the exact sequence without sleeping.
package struct PollSchedule: Sendable {
    /// How a call ended, as far as the schedule is concerned.
    package enum Outcome: Hashable, Sendable {
        /// The API answered 2xx (the body may still have been malformed and quarantined).
        case answered
        /// HTTP 429; `retryAfter` is the server's requested wait, if it gave one.
        case rateLimited(retryAfter: Duration?)
        /// The call failed: no connection, timeout, 5xx or another non-2xx status.
        case failed
    }

    package let backoff: Backoff
    package let interval: Duration
    /// Failed calls in a row (reset by an answered call).
    package private(set) var consecutiveFailures = 0
    private var random: SplitMix64

    package init(interval: Duration, backoff: Backoff, seed: UInt64) {
        self.interval = interval
        self.backoff = backoff
        self.random = SplitMix64(seed: seed)
    }

    /// The wait before the next call, after a call that ended with `outcome`.
    package mutating func delay(after outcome: Outcome) -> Duration {
        switch outcome {
        case .answered:
            consecutiveFailures = 0
            return interval
        case .rateLimited(let retryAfter?):
            consecutiveFailures += 1
            return max(retryAfter, interval)
        case .rateLimited(nil), .failed:
            consecutiveFailures += 1
            return backoff.wait(afterFailures: consecutiveFailures, random: &random)
        }
    }
}
