/// A consumed record, with its position in the log.
package struct BusRecord: Hashable, Sendable {
    /// Topic name.
    package var topic: String
    /// Partition number.
    package var partition: Int
    /// Offset within the partition (from 0, consecutive in the embedded log).
    package var offset: Int64
    /// Partitioning key.
    package var key: [UInt8]
    /// Payload bytes.
    package var value: [UInt8]
    /// Headers as produced.
    package var headers: [BusHeader]
    /// Milliseconds since the epoch (produce time unless the producer set one).
    package var timestamp: Int64

    /// A record as read from a log.
    package init(
        topic: String, partition: Int, offset: Int64, key: [UInt8], value: [UInt8], headers: [BusHeader], timestamp: Int64
    ) {
        self.topic = topic
        self.partition = partition
        self.offset = offset
        self.key = key
        self.value = value
        self.headers = headers
        self.timestamp = timestamp
    }

    /// The partition this record came from.
    package var topicPartition: TopicPartition { TopicPartition(topic: topic, partition: partition) }
}
