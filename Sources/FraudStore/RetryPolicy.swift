import FraudCore
import Logging

/// How operations retry when the database connection fails: exponential backoff, a bounded number of attempts.
///
/// Only failures that left nothing done (connection refused or lost, serialization conflicts) are retried;
/// store writes are idempotent, so a retry after an unknown outcome is safe. After the last attempt the
/// operation throws `StoreError.unavailable`; it is never reported as done.
public struct RetryPolicy: Sendable {
    /// Total attempts, at least 1.
    public var attempts: Int
    /// Delay before the second attempt; doubles each time up to `maximumDelay`.
    public var initialDelay: Duration
    public var maximumDelay: Duration

    /// 6 attempts over about 3 s.
    public static let standard = RetryPolicy(attempts: 6, initialDelay: .milliseconds(100), maximumDelay: .seconds(1))

    public init(attempts: Int, initialDelay: Duration, maximumDelay: Duration) {
        self.attempts = max(1, attempts)
        self.initialDelay = initialDelay
        self.maximumDelay = maximumDelay
    }

    /// Runs `body`, retrying while `isTransient` says the failure was a connection problem; logs each retry.
    func run<T>(_ operation: String, logger: Logger, isTransient: (any Error) -> Bool, _ body: () async throws -> T) async throws -> T {
        var delay = initialDelay
        for attempt in 1...attempts {
            do {
                return try await body()
            } catch {
                guard isTransient(error) else { throw error }
                guard attempt < attempts else {
                    logger.error("\(operation): giving up after \(attempt) attempts: \(error)")
                    throw StoreError(.unavailable(operation: operation, attempts: attempt, reason: "\(error)"))
                }
                logger.warning("\(operation): attempt \(attempt) of \(attempts) failed (\(error)); retrying in \(delay)")
                try await Task.sleep(for: delay)
                delay = min(delay * 2, maximumDelay)
            }
        }
        fatalError("unreachable: the loop returns or throws")
    }
}
