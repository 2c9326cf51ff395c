import FraudCore
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
        let policy = RetryPolicy(attempts: 3, initialDelay: .milliseconds(10), maximumDelay: .milliseconds(20), attemptTimeout: .milliseconds(300))
        let error = await #expect(throws: StoreError.self) { try await PostgresStore.connect(url, retry: policy, logger: quiet) }
        guard case .unavailable(let operation, let attempts, _) = error?.kind else {
            Issue.record("expected unavailable, got \(String(describing: error))")
            return
        }
        #expect(operation == "migrate schema" && attempts == 3)
        #expect(error!.description.contains("nothing was written"))
    }
}
