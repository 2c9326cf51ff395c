/// A message bus: named topics split into partitions of keyed, ordered records, read by
/// consumer groups that commit their offsets after processing (at-least-once).
///
/// Two implementations pass one conformance suite (`FraudTesting.BusConformance`): the embedded
/// durable log (`FraudBus.EmbeddedBus`) and Kafka (`FraudKafka.KafkaBus`).
package protocol Bus: Sendable {
    /// Creates `topic` with `partitions` partitions; does nothing when it already exists.
    func createTopic(_ topic: String, partitions: Int) async throws
    /// A producer whose `send` returns once the records are durably written.
    func makeProducer() async throws -> any BusProducer
    /// A consumer in `group` reading `topics`; consumers of one group share the partitions.
    /// With no committed offset it starts at the beginning of each partition. `listener` (if any) hears of every
    /// assignment change before records of a new partition are read, and may choose where each starts. `barrier` (if
    /// any) runs before offsets committed through the consumer become durable.
    func makeConsumer(group: String, topics: [String], listener: (any PartitionAssignmentListener)?,
                      barrier: OffsetsBarrier?) async throws -> any BusConsumer
    /// Returns once every record acknowledged so far is durable, also those of topics whose flush is deferred
    /// (the embedded bus's `.withOffsets` topics). A checkpoint that records how far its output was published
    /// calls it first, as the bus does before persisting offsets.
    func flush() async throws
}

/// Makes durable, blocking, what a consumer's offsets are about to cover (a store's lazily synced writes: `Store.sync`).
/// The consumer runs it before any offset committed through it becomes durable (the embedded bus: before writing the
/// group's offsets file, once for all the commits it holds; Kafka: before each commit), on a thread of the bus, so that
/// after a power cut no persisted offset points past work that was lost. A barrier that throws fails that persist.
package typealias OffsetsBarrier = @Sendable () throws -> Void

extension Bus {
    /// A consumer in `group` reading `topics`, positioned at the group's committed offsets.
    package func makeConsumer(group: String, topics: [String], barrier: OffsetsBarrier? = nil) async throws -> any BusConsumer {
        try await makeConsumer(group: group, topics: topics, listener: nil, barrier: barrier)
    }

    /// A consumer whose `listener` hears of assignment changes, with no barrier.
    package func makeConsumer(group: String, topics: [String], listener: (any PartitionAssignmentListener)?) async throws -> any BusConsumer {
        try await makeConsumer(group: group, topics: topics, listener: listener, barrier: nil)
    }
}

/// Writes records to topics.
package protocol BusProducer: Sendable {
    /// Sends a batch and returns once every record is acknowledged (durably written).
    /// Records of one partition keep their batch order.
    /// - Throws: `BusError`; then some records may have been written (a retry can duplicate them).
    func send(_ messages: [BusMessage]) async throws
    /// Waits for outstanding sends and releases resources.
    func close() async throws
}

/// Reads records of the partitions assigned to it within its consumer group.
package protocol BusConsumer: Sendable {
    /// Returns up to `maxRecords` records as soon as any are available, or an empty array after
    /// `timeout`. Records of one partition come in offset order.
    func poll(maxRecords: Int, timeout: Duration) async throws -> [BusRecord]
    /// Commits, for each partition, the offset of the next record to read (last processed + 1).
    /// Partitions no longer assigned to this consumer are skipped: their new owner re-reads them.
    func commit(_ offsets: [TopicPartition: Int64]) async throws
    /// The partitions currently assigned to this consumer.
    func assignment() async throws -> Set<TopicPartition>
    /// Leaves the group (uncommitted records are re-delivered to the next owner) and releases resources.
    func close() async throws
}

extension BusConsumer {
    /// Commits every partition in `records` up to and including its last record.
    package func commit(through records: [BusRecord]) async throws {
        guard !records.isEmpty else { return }
        try await commit(Self.nextOffsets(after: records))
    }

    /// For each partition in `records`, the offset after its highest record.
    package static func nextOffsets(after records: [BusRecord]) -> [TopicPartition: Int64] {
        var offsets: [TopicPartition: Int64] = [:]
        for record in records {
            let key = record.topicPartition
            offsets[key] = max(offsets[key] ?? 0, record.offset + 1)
        }
        return offsets
    }
}
