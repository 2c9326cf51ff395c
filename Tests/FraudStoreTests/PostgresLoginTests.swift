import Foundation
import FraudCore
import FraudStore
import Logging
import Testing

/// A login the server refuses and a database that does not exist fail at once with the server's reason (not after the
/// retries' attempt timeouts as "no answer"), and the password never shows in the error.
@Suite struct PostgresLoginTests {
    /// The role scripts/postgres.sh makes log in with a password (its pg_hba.conf rule comes before the trust rules).
    static let passwordRole = "fraud_password_test"

    /// The test server, or nil (the tests skip) when `FRAUD_TEST_POSTGRES_URL` is not set.
    static var server: PostgresURL? {
        guard let text = ProcessInfo.processInfo.environment["FRAUD_TEST_POSTGRES_URL"], !text.isEmpty,
              var url = try? PostgresURL(text) else { return nil }
        if !text.contains("sslmode=") { url.sslMode = "disable" }
        return url
    }

    /// Patient enough that a login refused only after the retries would show as `unavailable` (the bug), not as a pass.
    static let retry = try! RetryPolicy(maxAttempts: 3, backoff: Backoff(initial: .milliseconds(50), maximum: .milliseconds(100)))

    static var quiet: Logger {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return logger
    }

    @Test func wrongPasswordFailsAtOnceWithTheServersReason() async throws {
        guard let server = Self.server else { return print("SKIPPED: FRAUD_TEST_POSTGRES_URL is not set") }
        let admin = try await PostgresStore.connect(server, schemaVersion: 0)
        try await admin.execute("create the password role", SQLStatement(.postgres, """
            DO $$ BEGIN
                IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '\(Self.passwordRole)') THEN CREATE ROLE \(Self.passwordRole) LOGIN; END IF;
            END $$
            """))
        try await admin.execute("set its password", SQLStatement(.postgres, "ALTER ROLE \(Self.passwordRole) PASSWORD 'right-password'"))
        try await admin.close()
        var wrong = server
        wrong.user = Self.passwordRole
        wrong.password = "wrong-secret"
        let error = await #expect(throws: StoreError.self) { try await PostgresStore.connect(wrong, retry: Self.retry, attemptTimeout: .seconds(3), logger: Self.quiet) }
        guard case .failed(let operation, let reason) = error?.kind else {
            Issue.record("expected the login to be refused at once (is scripts/postgres.sh's password rule in pg_hba.conf?), got \(String(describing: error))")
            return
        }
        #expect(reason.contains("28P01") && reason.contains("password authentication failed"), "\(reason)")
        #expect(operation.contains(Self.passwordRole) && operation.contains(":***@"), "\(operation)")
        #expect(!error!.description.contains("wrong-secret"))
    }

    @Test func unknownDatabaseFailsAtOnceWithTheServersReason() async throws {
        guard var url = Self.server else { return print("SKIPPED: FRAUD_TEST_POSTGRES_URL is not set") }
        url.database = "no_such_database_\(UInt32.random(in: 0...UInt32.max))"
        let error = await #expect(throws: StoreError.self) { try await PostgresStore.connect(url, retry: Self.retry, attemptTimeout: .seconds(3), logger: Self.quiet) }
        guard case .failed(_, let reason) = error?.kind else {
            Issue.record("expected the unknown database to be reported at once, got \(String(describing: error))")
            return
        }
        #expect(reason.contains("3D000") && reason.contains(url.database!), "\(reason)")
    }
}
