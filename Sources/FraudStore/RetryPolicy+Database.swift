import FraudCore
import Logging
import Synchronization

extension RetryPolicy {
    /// How the store retries a database operation that failed for a connection problem: 6 attempts, 100 ms to 1 s apart.
    ///
    /// Only failures that left nothing done (connection refused or lost, serialization conflicts) are retried;
    /// store writes are idempotent, so a retry after an unknown outcome is safe. After the last attempt the
    /// operation throws `StoreError.unavailable`; it is never reported as done. Long-running workers go on from there
    /// without a bound on attempts (`OutageRetry`).
    package static let database = try! RetryPolicy(maxAttempts: 6, backoff: Backoff(initial: .milliseconds(100), maximum: .seconds(1)))

    /// How long one database attempt may take by default (waiting for a connection included) before it counts as a
    /// connection failure.
    package static let databaseAttemptTimeout = Duration.seconds(10)

    /// Runs `body`, retrying while `isTransient` says the failure was a connection problem or an attempt took longer
    /// than `attemptTimeout`; logs each retry (failures in `describe`'s words) and reports each attempt's outcome to
    /// `status`.
    package func run<T: Sendable>(_ operation: String, attemptTimeout: Duration, logger: Logger, status: DatabaseStatus,
                                  isTransient: (any Error) -> Bool, describe: (any Error) -> String,
                                  _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        for attempt in 1...maxAttempts {
            do {
                let value = try await Self.withDeadline(attemptTimeout, body)
                status.attemptSucceeded()
                return value
            } catch {
                guard error is AttemptTimeout || isTransient(error) else { throw error }
                let reason = describe(error)
                status.attemptFailed(reason)
                guard attempt < maxAttempts else {
                    logger.error("\(operation): giving up after \(attempt) attempts: \(reason)")
                    throw StoreError(.unavailable(operation: operation, attempts: attempt, reason: reason))
                }
                let delay = backoff.wait(afterFailures: attempt)
                logger.warning("\(operation): attempt \(attempt) of \(maxAttempts) failed (\(reason)); retrying in \(delay)")
                try await Task.sleep(for: delay)
            }
        }
        fatalError("unreachable: the loop returns or throws")
    }

    /// Runs `body` and gives up on it after `timeout`: the postgres-nio pool waits rather than fails while it
    /// cannot connect, and a query written to a connection that has just closed is never answered (its `EventLoopFuture`
    /// cannot be cancelled). So the attempt does not wait for `body` to end: at the deadline, or when the caller is
    /// cancelled, `body` is cancelled and left to end by itself.
    private static func withDeadline<T: Sendable>(_ timeout: Duration, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
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

/// An attempt that took longer than its `attemptTimeout`.
struct AttemptTimeout: Error, CustomStringConvertible {
    var timeout: Duration
    var description: String { "no answer from the database within \(timeout)" }
}
