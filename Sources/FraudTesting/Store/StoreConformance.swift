import FraudCore
import FraudStore

/// The checks every `Store & ModelStore` implementation must pass; run by `Tests/FraudStoreTests`
/// against SQLite and PostgreSQL. Each check gets a fresh, empty database from `database`.
public struct StoreConformance: Sendable {
    /// A fresh empty database that can be opened (and re-opened) at a schema version.
    public struct Database: Sendable {
        /// Opens the database, migrating up to `schemaVersion` (nil: the latest).
        public var open: @Sendable (_ schemaVersion: Int?) async throws -> any FraudDatabase
        /// Removes the database.
        public var remove: @Sendable () async throws -> Void

        public init(open: @escaping @Sendable (Int?) async throws -> any FraudDatabase, remove: @escaping @Sendable () async throws -> Void) {
            self.open = open
            self.remove = remove
        }
    }

    /// The checks, by name.
    public enum Check: String, CaseIterable, Sendable {
        case redeliveredBatchChangesNothing
        case rowsRoundTrip
        case queryFilters
        case cursorPaginationVisitsEveryRowOnce
        case cardHistoryAcrossHoursAndDays
        case labels
        case unknownLabelIsRejectedAndChangesNothing
        case labelledSinceWatermark
        case alerts
        case quarantine
        case driftReports
        case scoringActivityAndLabelledOutcomes
        case registry
        case aliasMovesAreCheckedAndRecorded
        case olderSchemaIsUpgradedNotWiped
    }

    let makeDatabase: @Sendable () async throws -> Database

    /// - Parameter makeDatabase: creates a fresh, empty database per check.
    public init(makeDatabase: @escaping @Sendable () async throws -> Database) {
        self.makeDatabase = makeDatabase
    }

    /// Runs one check on a fresh database; throws `ConformanceFailure` describing the first mismatch.
    public func run(_ check: Check) async throws {
        let database = try await makeDatabase()
        do {
            if check == .olderSchemaIsUpgradedNotWiped {
                try await StoreChecks.upgrade(database)
            } else {
                let store = try await database.open(nil)
                do {
                    try await StoreChecks.run(check, store)
                } catch {
                    try? await store.close()
                    throw error
                }
                try await store.close()
            }
        } catch {
            try? await database.remove()
            throw error
        }
        try await database.remove()
    }
}


/// Throws a `ConformanceFailure` unless `condition` holds.
func expect(_ condition: Bool, _ message: @autoclosure () -> String, line: Int = #line) throws {
    if !condition { throw ConformanceFailure(message: "StoreChecks line \(line): \(message())") }
}

/// Throws unless `actual == expected`.
func expectEqual<T: Equatable>(_ actual: T, _ expected: T, _ what: String, line: Int = #line) throws {
    if actual != expected { throw ConformanceFailure(message: "StoreChecks line \(line): \(what): expected \(expected), got \(actual)") }
}

/// Throws unless `body` throws a `StoreError` for which `matches` holds.
func expectStoreError(_ what: String, line: Int = #line, _ matches: (StoreError.Kind) -> Bool, _ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let error as StoreError {
        try expect(matches(error.kind), "\(what): unexpected error \(error)", line: line)
        return
    }
    throw ConformanceFailure(message: "StoreChecks line \(line): \(what): expected an error, none was thrown")
}
