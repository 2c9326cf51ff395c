import FraudCore
import FraudStore

/// Helpers for tests and benchmarks that use a throw-away PostgreSQL schema.
public enum PostgresTesting {
    /// Drops `url.schema` and everything in it.
    public static func dropSchema(_ url: PostgresURL) async throws {
        guard let schema = url.schema else { return }
        var admin = url
        admin.schema = nil
        let store = try await PostgresStore.connect(admin, schemaVersion: 0)
        do {
            try await store.execute("drop schema \(schema)", SQLStatement(.postgres, "DROP SCHEMA IF EXISTS \(schema) CASCADE"))
        } catch {
            try? await store.close()
            throw error
        }
        try await store.close()
    }
}
