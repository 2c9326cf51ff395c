import FraudCore
import Logging

/// How operations retry when the database connection fails: exponential backoff, a bounded number of attempts.
///
/// Only failures that left nothing done (connection refused or lost, serialization conflicts) are retried;
/// store writes are idempotent, so a retry after an unknown outcome is safe. After the last attempt the
/// operation throws `StoreError.unavailable`; it is never reported as done.
package struct RetryPolicy: Sendable {
    /// Total attempts, at least 1.
    package var attempts: Int
    /// Delay before the second attempt; doubles each time up to `maximumDelay`.
    package var initialDelay: Duration
    package var maximumDelay: Duration
    /// How long one attempt may take (waiting for a connection included) before it counts as a connection failure.
    package var attemptTimeout: Duration

    /// 6 attempts of at most 10 s each, 100 ms to 1 s apart.
    package static let standard = RetryPolicy(attempts: 6, initialDelay: .milliseconds(100), maximumDelay: .seconds(1), attemptTimeout: .seconds(10))

    package init(attempts: Int, initialDelay: Duration, maximumDelay: Duration, attemptTimeout: Duration = .seconds(10)) {
        self.attempts = max(1, attempts)
        self.initialDelay = initialDelay
        self.maximumDelay = maximumDelay
        self.attemptTimeout = attemptTimeout
    }

    /// Runs `body`, retrying while `isTransient` says the failure was a connection problem; logs each retry.
    func run<T: Sendable>(_ operation: String, logger: Logger, isTransient: (any Error) -> Bool, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        var delay = initialDelay
        for attempt in 1...attempts {
            do {
                return try await withDeadline(body)
            } catch {
                guard error is AttemptTimeout || isTransient(error) else { throw error }
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

extension RetryPolicy {
    /// Runs `body`, cancelling it after `attemptTimeout` (a connection pool that cannot connect waits, not fails).
    private func withDeadline<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let timeout = attemptTimeout
        return try await withThrowingTaskGroup(of: T.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw AttemptTimeout(timeout: timeout)
            }
            defer { group.cancelAll() }
            return try await group.next()!
        }
    }
}

/// An attempt that took longer than `RetryPolicy.attemptTimeout`.
struct AttemptTimeout: Error, CustomStringConvertible {
    var timeout: Duration
    var description: String { "no answer from the database within \(timeout)" }
}
