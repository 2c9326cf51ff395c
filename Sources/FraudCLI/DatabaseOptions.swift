import ArgumentParser
import Foundation
import Logging
import FraudCore
import FraudStore

/// `--database URL`, shared by every command that opens the store (flag, then `FRAUD_DATABASE_URL`, then `sqlite:./fraud.db`).
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The database: sqlite:PATH or postgres://user:pass@host:port/db (default: $FRAUD_DATABASE_URL, else sqlite:./fraud.db).",
        valueName: "url"))
    var database: String?

    /// The URL in effect.
    var url: String {
        database ?? ProcessInfo.processInfo.environment["FRAUD_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? DatabaseURL.defaultText
    }

    /// Opens the store (migrating its schema); a bad URL is a usage error naming the bad part.
    func open() async throws -> any FraudDatabase {
        do {
            _ = try DatabaseURL(url)
        } catch let error as StoreError {
            throw ValidationError(error.description)
        }
        // Logs go to standard error: standard output carries the command's report (one JSON object with --json).
        return try await StoreFactory.open(url, logger: Logger(label: "fraud.store") { label in StreamLogHandler.standardError(label: label) })
    }
}

/// Runs `body` with an open store and closes it afterwards, also on failure.
func withDatabase<T>(_ options: DatabaseOptions, _ body: (any FraudDatabase) async throws -> T) async throws -> T {
    let store = try await options.open()
    do {
        let value = try await body(store)
        try await store.close()
        return value
    } catch {
        try? await store.close()
        throw error
    }
}
