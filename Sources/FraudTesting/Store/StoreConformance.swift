import FraudCore
import FraudStore

/// The checks every `Store & ModelStore` implementation must pass.
package typealias StoreConformance = Conformance<StoreChecks>

extension StoreChecks: ConformanceChecks {
    /// A fresh empty database that can be opened (and re-opened) at a schema version.
    package struct Database: Sendable {
        /// Opens the database, migrating up to `schemaVersion` (nil: the latest).
        package var open: @Sendable (_ schemaVersion: Int?) async throws -> any FraudDatabase
        /// Removes the database.
        package var remove: @Sendable () async throws -> Void

        package init(open: @escaping @Sendable (Int?) async throws -> any FraudDatabase, remove: @escaping @Sendable () async throws -> Void) {
            self.open = open
            self.remove = remove
        }
    }

    /// The checks, by name.
    package enum Check: String, CaseIterable, Sendable {
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

    package static func run(_ check: Check, on database: Database) async throws {
        if check == .olderSchemaIsUpgradedNotWiped { return try await upgrade(database) }
        let store = try await database.open(nil)
        try await withCleanup { try await run(check, store) } cleanup: { try await store.close() }
    }

    package static func remove(_ database: Database) async throws {
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
