import FraudCore

/// The checks every `FeatureStateStore` implementation must pass.
package typealias FeatureStateConformance = Conformance<FeatureStateChecks>

extension FeatureStateChecks: ConformanceChecks {
    /// A fresh empty database, and direct access to it for damaging or failing it.
    package struct Database: Sendable {
        /// Opens a store on the database (again: a second store sees what the first wrote).
        package var open: @Sendable () async throws -> any FeatureStateStore
        /// Runs one SQL statement on the database, outside the store (to damage a checkpoint).
        package var execute: @Sendable (_ sql: String) async throws -> Void
        /// Makes the database refuse, from now on, every write of the state of card `ccNum` (a trigger that raises).
        package var failWrites: @Sendable (_ ccNum: Int64) async throws -> Void
        /// Removes the database.
        package var remove: @Sendable () async throws -> Void

        package init(
            open: @escaping @Sendable () async throws -> any FeatureStateStore, execute: @escaping @Sendable (String) async throws -> Void,
            failWrites: @escaping @Sendable (Int64) async throws -> Void, remove: @escaping @Sendable () async throws -> Void
        ) {
            self.open = open
            self.execute = execute
            self.failWrites = failWrites
            self.remove = remove
        }
    }

    /// The checks, by name.
    package enum Check: String, CaseIterable, Sendable {
        case firstClaimHasNoCheckpoint
        case writeThenClaimRestoresTheCheckpoint
        case incrementalWritesReplaceOnlyTheirCards
        case staleOwnerIsRefusedOthersAreWritten
        case writeOfSeveralPartitionsIsAtomic
        case cardStatesAreTheLatestAcrossPartitions
        case cardMovedToAnotherPartitionLeavesTheOld
        case offsetsOfCheckpointedPartitions
        case scopesAreIndependent
        case largeCheckpointRoundTripsByteExact
        case damagedCheckpointIsReported
    }

    package static func run(_ check: Check, on database: Database) async throws {
        let store = try await database.open()
        try await withCleanup { try await run(check, store, database) } cleanup: { try await store.close() }
    }

    package static func remove(_ database: Database) async throws {
        try await database.remove()
    }
}
