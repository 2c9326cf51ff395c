import FraudCore

/// What a `Conformance` suite checks: the database each check gets fresh, the checks by name, and how one runs.
package protocol ConformanceChecks {
    /// A fresh, empty database, and direct access to it.
    associatedtype Database: Sendable
    /// The checks, by name.
    associatedtype Check: CaseIterable, Sendable
    /// Runs `check` on `database`; throws `ConformanceFailure` describing the first mismatch.
    static func run(_ check: Check, on database: Database) async throws
    /// Removes `database`.
    static func remove(_ database: Database) async throws
}

/// The checks every implementation of a storage protocol must pass (`StoreConformance`, `FeatureStateConformance`);
/// run by `Tests/FraudStoreTests` against SQLite and PostgreSQL. Each check gets a fresh, empty database.
package struct Conformance<Checks: ConformanceChecks>: Sendable {
    package typealias Database = Checks.Database
    package typealias Check = Checks.Check

    let makeDatabase: @Sendable () async throws -> Database

    /// - Parameter makeDatabase: creates a fresh, empty database per check.
    package init(makeDatabase: @escaping @Sendable () async throws -> Database) {
        self.makeDatabase = makeDatabase
    }

    /// Runs one check on a fresh database, removed afterwards; throws `ConformanceFailure` describing the first mismatch.
    package func run(_ check: Check) async throws {
        let database = try await makeDatabase()
        try await withCleanup { try await Checks.run(check, on: database) } cleanup: { try await Checks.remove(database) }
    }
}
