/// Durable per-card feature state, partitioned like the scorer's input topic and checkpointed together with the
/// input offsets it reflects (exactly-once state over an at-least-once bus), and readable card by card online
/// (the API's history read).
///
/// Two implementations pass one conformance suite (`FraudTesting.FeatureStateConformance`): SQLite (the embedded
/// bus keeps it in its directory) and PostgreSQL (shared by every scorer and API process).
package protocol FeatureStateStore: Sendable {
    /// Claims `partition` for a new owner and reads its checkpoint, in one transaction: the partition's epoch is
    /// raised, so deltas written under an earlier claim are refused from now on.
    /// - Throws: `FeatureStateError` when the store cannot be read.
    func claim(_ scope: FeatureStateScope, partition: Int) async throws -> PartitionClaim

    /// Writes one checkpoint atomically: every delta whose partition is still held at its epoch (cards upserted,
    /// offset set), all in one transaction, so a crash leaves either the whole checkpoint or none of it.
    /// - Returns: the partitions refused because they were claimed since (their deltas are not written).
    func write(_ scope: FeatureStateScope, _ deltas: [PartitionDelta]) async throws -> Set<Int>

    /// The checkpointed state of each of `cards` that has one (the online read; no side effects).
    func cardStates(_ scope: FeatureStateScope, cards: [Int64]) async throws -> [CardStateRecord]

    /// The checkpointed offsets of every partition of `scope` that has a checkpoint.
    func offsets(_ scope: FeatureStateScope) async throws -> [Int: Int64]

    /// Releases connections.
    func close() async throws
}
