import _ConnectionPoolModule
import FraudCore
import PostgresNIO
import FraudStore
import Logging
import Testing

/// Connection failures are retried, reported, and never reported as done.
@Suite struct RetryTests {
    @Test func unreachableServerFailsAfterRetries() async throws {
        // Port 9 (discard) on 127.0.0.1: nothing listens there, the connection is refused at once.
        let url = PostgresURL(user: "postgres", host: "127.0.0.1", port: 9, database: "postgres", sslMode: "disable")
        var quiet = Logger(label: "test")
        quiet.logLevel = .critical  // the pool logs every refused connection; the outcome is what is checked
        let policy = try RetryPolicy(maxAttempts: 3, backoff: Backoff(initial: .milliseconds(10), maximum: .milliseconds(20)))
        let error = await #expect(throws: StoreError.self) {
            try await PostgresStore.connect(url, retry: policy, attemptTimeout: .milliseconds(300), logger: quiet)
        }
        guard case .unavailable(let operation, let attempts, _) = error?.kind else {
            Issue.record("expected unavailable, got \(String(describing: error))")
            return
        }
        #expect(operation == "connect to \(url)" && attempts == 3)
        #expect(error!.description.contains("nothing was written"))
    }

    /// After a minute of failed connection attempts the pool fails requests at once instead of queueing them, and a
    /// `COPY` whose connection closed under it reports `PostgresError.connectionClosed` (the writer of `fraud demo`
    /// stopped on it): both are outages to wait out, not errors in the statement.
    @Test func connectionLossesInEveryErrorTypeAreOutages() {
        #expect(PostgresStore.isTransient(ConnectionPoolError.connectionCreationCircuitBreakerTripped))
        #expect(PostgresStore.isTransient(PostgresError.connectionClosed))
        #expect(!PostgresStore.isTransient(PostgresError.protocol("unexpected message")))
        #expect(!PostgresStore.isTransient(ConnectionPoolError.poolShutdown))
        #expect(!PostgresStore.isTransient(StoreError(.unknownVersion("1"))))
    }

    /// A query written to a connection that had just closed was never answered, and its future cannot be cancelled: the
    /// attempt must end at its deadline all the same (the monitor of `fraud demo` hung there after an outage).
    @Test(.timeLimit(.minutes(1))) func anAttemptThatNeverAnswersEndsAtItsDeadline() async throws {
        let policy = try RetryPolicy(maxAttempts: 2, backoff: Backoff(initial: .milliseconds(10), maximum: .milliseconds(10)))
        let status = DatabaseStatus()
        let error = await #expect(throws: StoreError.self) {
            try await policy.run("wait forever", attemptTimeout: .milliseconds(200), logger: Logger(label: "test"), status: status, isTransient: { _ in false },
                                 describe: { "\($0)" }) { () async -> Int in
                await withUnsafeContinuation { (_: UnsafeContinuation<Int, Never>) in }  // never resumed, deaf to cancellation
            }
        }
        guard case .unavailable(_, let attempts, let reason) = error?.kind else {
            Issue.record("expected unavailable, got \(String(describing: error))")
            return
        }
        #expect(attempts == 2 && reason.contains("no answer from the database within"))
        if case .unavailable = status.current {} else { Issue.record("the status should say the database is unavailable") }
    }
}
