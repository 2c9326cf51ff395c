import CRdKafka
import Dispatch
import FraudCore

/// The distributed bus: Apache Kafka through librdkafka. Producers are idempotent (`acks=all`) and batch with
/// `linger.ms`; keys are partitioned with Murmur2 (as the Java client and the embedded bus do);
/// consumers commit manually after processing.
package final class KafkaBus: Bus, @unchecked Sendable {
    /// Connection and client settings.
    package struct Configuration: Sendable {
        /// `host:port,...`.
        package var bootstrapServers: String
        /// Replication factor of created topics (-1: the broker's default).
        package var replicationFactor = -1
        /// Records buffered between a consumer's poll thread and `poll` (the backpressure bound).
        package var maxBufferedRecords = 10_000
        /// When set, topics are created directly in this mock cluster (librdkafka 2.0's mock
        /// brokers do not answer the CreateTopics admin request).
        package var mockCluster: KafkaMockCluster?
        /// Extra librdkafka properties for producers, overriding the defaults.
        package var producerSettings: [String: String] = [:]
        /// Extra librdkafka properties for consumers, overriding the defaults.
        package var consumerSettings: [String: String] = [:]

        /// Settings for the cluster at `bootstrapServers`.
        package init(bootstrapServers: String) {
            self.bootstrapServers = bootstrapServers
        }
    }

    /// Settings in effect.
    package let configuration: Configuration
    private let admin: ProducerCore

    /// A bus on the cluster; connects lazily, so an unreachable cluster shows up on first use.
    package init(configuration: Configuration) throws {
        self.configuration = configuration
        // No auto-creation by metadata requests: `createTopic` asks whether a topic exists before creating it.
        admin = try ProducerCore(settings: [
            "bootstrap.servers": configuration.bootstrapServers, "log_level": "3", "allow.auto.create.topics": "false",
        ])
    }

    /// A bus on the cluster at `bootstrapServers`, with default settings.
    package convenience init(bootstrapServers: String) throws {
        try self.init(configuration: Configuration(bootstrapServers: bootstrapServers))
    }

    deinit { admin.stop(wait: false) }

    package func createTopic(_ topic: String, partitions: Int) async throws {
        guard partitions > 0 else { throw BusError(.invalidArgument, "partitions \(partitions): expected > 0") }
        if let mock = configuration.mockCluster {
            try mock.createTopic(topic, partitions: partitions)
            return
        }
        let admin = self.admin
        let replication = Int32(configuration.replicationFactor)
        // The admin result arrives on a queue that must be polled (blocking): off the cooperative pool.
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            DispatchQueue.global().async {
                do {
                    // A topic made by another process (or by operators, where workers may not create topics) is used as is.
                    if Self.topicExists(topic, handle: admin.handle) { return continuation.resume() }
                    try Self.createTopic(topic, partitions: partitions, replication: replication, handle: admin.handle)
                    continuation.resume()
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    /// Whether the cluster's metadata lists `topic` with at least one partition (false when it cannot tell).
    private static func topicExists(_ topic: String, handle: OpaquePointer) -> Bool {
        guard let topicHandle = rd_kafka_topic_new(handle, topic, nil) else { return false }
        defer { rd_kafka_topic_destroy(topicHandle) }
        var metadata: UnsafePointer<rd_kafka_metadata>?
        guard rd_kafka_metadata(handle, 0, topicHandle, &metadata, 10_000) == RD_KAFKA_RESP_ERR_NO_ERROR, let metadata else { return false }
        defer { rd_kafka_metadata_destroy(metadata) }
        let topics = UnsafeBufferPointer(start: metadata.pointee.topics, count: Int(metadata.pointee.topic_cnt))
        return topics.contains { $0.err == RD_KAFKA_RESP_ERR_NO_ERROR && $0.partition_cnt > 0 && String(cString: $0.topic) == topic }
    }

    private static func createTopic(_ topic: String, partitions: Int, replication: Int32, handle: OpaquePointer) throws {
        var text = [CChar](repeating: 0, count: 512)
        guard let newTopic = rd_kafka_NewTopic_new(topic, Int32(partitions), replication, &text, text.count) else {
            throw BusError(.kafka, "topic '\(topic)': \(KafkaClient.text(text))")
        }
        defer { rd_kafka_NewTopic_destroy(newTopic) }
        let queue = rd_kafka_queue_new(handle)!
        defer { rd_kafka_queue_destroy(queue) }
        var topics: [OpaquePointer?] = [newTopic]
        rd_kafka_CreateTopics(handle, &topics, 1, nil, queue)
        guard let event = rd_kafka_queue_poll(queue, 30_000) else {
            throw BusError(.timeout, "creating topic '\(topic)': no answer from the cluster within 30 s")
        }
        defer { rd_kafka_event_destroy(event) }
        try KafkaClient.check(rd_kafka_event_error(event), "creating topic '\(topic)'")
        guard let result = rd_kafka_event_CreateTopics_result(event) else { return }
        var count = 0
        guard let results = rd_kafka_CreateTopics_result_topics(result, &count) else { return }
        for index in 0..<count {
            let code = rd_kafka_topic_result_error(results[index])
            guard code != RD_KAFKA_RESP_ERR_NO_ERROR, code != RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS else { continue }
            let message = rd_kafka_topic_result_error_string(results[index]).map { String(cString: $0) } ?? ""
            throw BusError(.kafka, "creating topic '\(topic)': \(String(cString: rd_kafka_err2str(code))) \(message)")
        }
    }

    package func makeProducer() async throws -> any BusProducer {
        var settings = [
            "bootstrap.servers": configuration.bootstrapServers,
            "enable.idempotence": "true",
            "acks": "all",
            "linger.ms": "5",
            "batch.num.messages": "10000",
            "compression.type": "lz4",
            "partitioner": "murmur2_random",
            "log_level": "3",
        ]
        settings.merge(configuration.producerSettings) { $1 }
        return try KafkaProducer(settings: settings)
    }

    package func makeConsumer(group: String, topics: [String], listener: (any PartitionAssignmentListener)?,
                             barrier: OffsetsBarrier?) async throws -> any BusConsumer {
        var settings = [
            "bootstrap.servers": configuration.bootstrapServers,
            "group.id": group,
            "enable.auto.commit": "false",
            "auto.offset.reset": "earliest",
            "enable.partition.eof": "false",
            "log_level": "3",
        ]
        settings.merge(configuration.consumerSettings) { $1 }
        return try KafkaConsumer(settings: settings, topics: topics, capacity: configuration.maxBufferedRecords, listener: listener, barrier: barrier)
    }

    /// Nothing to wait for: producers send with `acks=all`, so a record is acknowledged (and `send` returns) only once
    /// every in-sync replica holds it. Kafka's durability is replication, not `fsync`: there is no deferred flush.
    package func flush() async throws {}
}
