import Foundation
import FraudCore
import FraudStore
import FraudTesting

/// Fresh databases for tests: a temporary SQLite file, or a new schema on the server of `FRAUD_TEST_POSTGRES_URL`.
enum TestDatabases {
    static func sqlite() async throws -> StoreConformance.Database {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fraud-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("test.db").path
        return StoreConformance.Database(
            open: { version in try await SQLiteStore.open(path: path, schemaVersion: version ?? Int.max) },
            remove: { try? FileManager.default.removeItem(at: directory) })
    }

    /// Printed once per test run.
    static let skipNotice: Void = print("SKIPPED PostgreSQL store tests: FRAUD_TEST_POSTGRES_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/postgres)")

    /// nil (and a printed reason) when `FRAUD_TEST_POSTGRES_URL` is not set.
    static func postgres() -> (@Sendable () async throws -> StoreConformance.Database)? {
        guard let text = ProcessInfo.processInfo.environment["FRAUD_TEST_POSTGRES_URL"], !text.isEmpty else {
            _ = skipNotice
            return nil
        }
        return {
            let fixed = try PostgresTesting.throwawaySchema(text, prefix: "fraud_test")
            return StoreConformance.Database(
                open: { version in try await PostgresStore.connect(fixed, schemaVersion: version ?? Int.max, retry: try RetryPolicy(maxAttempts: 4, backoff: Backoff(initial: .milliseconds(50), maximum: .milliseconds(200)))) },
                remove: { try await PostgresTesting.dropSchema(fixed) })
        }
    }
}
