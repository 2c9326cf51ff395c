import FraudCore
import Logging
import Synchronization

/// How operations retry when the database connection fails: exponential backoff, a bounded number of attempts.
///
/// Only failures that left nothing done (connection refused or lost, serialization conflicts) are retried;
/// store writes are idempotent, so a retry after an unknown outcome is safe. After the last attempt the
/// operation throws `StoreError.unavailable`; it is never reported as done. Long-running workers go on from there with
/// the same delays, without a bound on attempts (`OutageRetry`).
package struct RetryPolicy: Hashable, Sendable {
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

    /// The wait after the `failures`-th failure in a row: `initialDelay`, doubling up to `maximumDelay`.
    package func delay(afterFailures failures: Int) -> Duration {
        .milliseconds(Int64(ExponentialBackoff.milliseconds(afterFailures: failures, initial: initialDelay, multiplier: 2, maximum: maximumDelay)))
    }

    /// Runs `body`, retrying while `isTransient` says the failure was a connection problem; logs each retry (failures
    /// in `describe`'s words) and reports each attempt's outcome to `status`.
    package func run<T: Sendable>(_ operation: String, logger: Logger, status: DatabaseStatus, isTransient: (any Error) -> Bool,
                          describe: (any Error) -> String, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        for attempt in 1...attempts {
            do {
                let value = try await withDeadline(body)
                status.attemptSucceeded()
                return value
            } catch {
                guard error is AttemptTimeout || isTransient(error) else { throw error }
                let reason = describe(error)
                status.attemptFailed(reason)
                guard attempt < attempts else {
                    logger.error("\(operation): giving up after \(attempt) attempts: \(reason)")
                    throw StoreError(.unavailable(operation: operation, attempts: attempt, reason: reason))
                }
                let delay = delay(afterFailures: attempt)
                logger.warning("\(operation): attempt \(attempt) of \(attempts) failed (\(reason)); retrying in \(delay)")
                try await Task.sleep(for: delay)
            }
        }
        fatalError("unreachable: the loop returns or throws")
    }
}

extension RetryPolicy {
    /// Runs `body` and gives up on it after `attemptTimeout`: the postgres-nio pool waits rather than fails while it
    /// cannot connect, and a query written to a connection that has just closed is never answered (its `EventLoopFuture`
    /// cannot be cancelled). So the attempt does not wait for `body` to end: at the deadline, or when the caller is
    /// cancelled, `body` is cancelled and left to end by itself.
    private func withDeadline<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let timeout = attemptTimeout
        let first = FirstOutcome<T>()
        let attempt = Task {
            do {
                first.settle(.success(try await body()))
            } catch {
                first.settle(.failure(error))
            }
        }
        let timer = Task {
            try await Task.sleep(for: timeout)
            first.settle(.failure(AttemptTimeout(timeout: timeout)))
        }
        defer {
            timer.cancel()
            attempt.cancel()
        }
        return try await withTaskCancellationHandler {
            try await first.value()
        } onCancel: {
            first.settle(.failure(CancellationError()))
        }
    }
}

/// The first of several outcomes racing to settle an attempt; later ones are dropped.
private final class FirstOutcome<T: Sendable>: Sendable {
    private enum State {
        case waiting(CheckedContinuation<T, any Error>?)
        case settled(Result<T, any Error>)
    }

    private let state = Mutex(State.waiting(nil))

    func settle(_ outcome: Result<T, any Error>) {
        let waiter = state.withLock { state -> CheckedContinuation<T, any Error>? in
            guard case .waiting(let continuation) = state else { return nil }
            state = .settled(outcome)
            return continuation
        }
        waiter?.resume(with: outcome)
    }

    func value() async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let settled = state.withLock { state -> Result<T, any Error>? in
                switch state {
                case .waiting: state = .waiting(continuation); return nil
                case .settled(let outcome): return outcome
                }
            }
            if let settled { continuation.resume(with: settled) }
        }
    }
}

/// An attempt that took longer than `RetryPolicy.attemptTimeout`.
struct AttemptTimeout: Error, CustomStringConvertible {
    var timeout: Duration
    var description: String { "no answer from the database within \(timeout)" }
}
