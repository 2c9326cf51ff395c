import FraudCore
import Logging

/// Opens the feature state a URL names.
package enum FeatureStateStoreFactory {
    /// Opens `url`: `sqlite:PATH` (created if missing) or `postgres://...` (tables created in its schema if missing).
    /// `readOnly` opens an existing SQLite file for reading only, never taking its write lock (API processes);
    /// PostgreSQL readers need no such mode.
    /// - Throws: `FeatureStateError.invalidArgument` naming the bad part of the URL; `.unavailable` naming the file
    ///   or server that cannot be used.
    package static func open(_ url: String, readOnly: Bool = false, logger: Logger = Logger(label: "fraud.features")) async throws -> any FeatureStateStore {
        let parsed: DatabaseURL
        do {
            parsed = try DatabaseURL(url)
        } catch {
            throw FeatureStateError(.invalidArgument, "feature state: \(error)")
        }
        switch parsed {
        case .sqlite(let path): return try await SQLiteFeatureStateStore.open(path: path, readOnly: readOnly)
        case .postgres(let postgres): return try await PostgresFeatureStateStore.connect(postgres, logger: logger)
        }
    }
}
