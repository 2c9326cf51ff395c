import FraudCore
import Logging

/// Both roles of a database: payments and the model registry.
package typealias FraudDatabase = Store & ModelStore

/// Opens the store a database URL names.
package enum StoreFactory {
    /// Opens `url` (`sqlite:PATH` or `postgres://...`) and migrates its schema to the latest version.
    /// - Throws: `StoreError.invalidURL` naming the bad part of the URL; `StoreError.unavailable` when the server cannot be reached.
    package static func open(_ url: String, logger: Logger = Logger(label: "fraud.store")) async throws -> any FraudDatabase {
        switch try DatabaseURL(url) {
        case .sqlite(let path): try await SQLiteStore.open(path: path, logger: logger)
        case .postgres(let postgres): try await PostgresStore.connect(postgres, logger: logger)
        }
    }
}
