import FraudCore

extension RetryPolicy {
    /// How failed alert deliveries are retried by default: 5 attempts, 1 s doubling up to 60 s (a server's
    /// `Retry-After` included), half of each wait random.
    package static let alertDelivery = try! RetryPolicy(
        maxAttempts: 5, backoff: Backoff(initial: .seconds(1), maximum: .seconds(60), jitter: 0.5))
}
