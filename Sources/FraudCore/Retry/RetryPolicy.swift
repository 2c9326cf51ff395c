/// When to try a failed operation again: at most `maxAttempts` attempts in all, `backoff` apart. The store's database
/// calls and the alerter's deliveries use it; what counts as worth retrying is the caller's to say.
package struct RetryPolicy: Hashable, Sendable {
    /// Attempts in all, the first included; at least 1.
    package let maxAttempts: Int
    /// The waits between attempts.
    package let backoff: Backoff

    /// A policy; throws naming `maxAttempts` when it is below 1.
    package init(maxAttempts: Int, backoff: Backoff) throws(ConfigurationError) {
        guard maxAttempts >= 1 else {
            throw ConfigurationError(parameter: "maxAttempts", value: String(maxAttempts), reason: "must be at least 1")
        }
        self.maxAttempts = maxAttempts
        self.backoff = backoff
    }
}
