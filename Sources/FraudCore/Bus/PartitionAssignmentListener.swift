/// Told when a consumer's partitions change, before any record of a newly assigned partition is read:
/// how a consumer that keeps its own offsets (state checkpointed together with the offsets it reflects)
/// positions itself, as Kafka's "storing offsets outside Kafka" does.
package protocol PartitionAssignmentListener: Sendable {
    /// `partitions` were assigned to the consumer. Returns where to start reading each of them; a partition
    /// missing from the answer starts at the group's committed offset (the log start when there is none).
    /// A thrown error is surfaced by the consumer's next `poll`, and the partitions are not read.
    func assigned(_ partitions: Set<TopicPartition>) async throws -> [TopicPartition: Int64]
    /// `partitions` were taken from the consumer. Records of them returned by an earlier `poll` may still be
    /// in flight; their new owner reads them again.
    func revoked(_ partitions: Set<TopicPartition>) async
}
