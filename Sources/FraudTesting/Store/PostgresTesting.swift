import Foundation
import FraudCore
import FraudStore

/// Helpers for tests and benchmarks that use a throw-away PostgreSQL schema.
package enum PostgresTesting {
    /// The server of `text` with a new, randomly named schema `<prefix>_<random>_<pid>` (SSL off unless `text` says).
    package static func throwawaySchema(_ text: String, prefix: String) throws -> PostgresURL {
        var url = try PostgresURL(text)
        url.schema = "\(prefix)_\(UInt32.random(in: 0...UInt32.max))_\(getpid())"
        if text.range(of: "sslmode=") == nil { url.sslMode = "disable" }
        return url
    }

    /// `url` reached through a new `TCPProxy` (on 127.0.0.1), for tests that cut the database off.
    package static func behindProxy(_ url: PostgresURL) throws -> (proxy: TCPProxy, url: PostgresURL) {
        let proxy = try TCPProxy(targetPort: url.port)
        var proxied = url
        proxied.host = "127.0.0.1"
        proxied.port = proxy.port
        return (proxy, proxied)
    }

    /// Drops `url.schema` and everything in it.
    package static func dropSchema(_ url: PostgresURL) async throws {
        guard let schema = url.schema else { return }
        var admin = url
        admin.schema = nil
        let store = try await PostgresStore.connect(admin, schemaVersion: 0)
        try await withCleanup {
            try await store.execute("drop schema \(schema)", SQLStatement(.postgres, "DROP SCHEMA IF EXISTS \(schema) CASCADE"))
        } cleanup: {
            try await store.close()
        }
    }
}
