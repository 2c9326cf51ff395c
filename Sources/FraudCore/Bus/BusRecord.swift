/// A consumed record, with its position in the log.
public struct BusRecord: Hashable, Sendable {
    /// Topic name.
    public var topic: String
    /// Partition number.
    public var partition: Int
    /// Offset within the partition (from 0, consecutive in the embedded log).
    public var offset: Int64
    /// Partitioning key.
    public var key: [UInt8]
    /// Payload bytes.
    public var value: [UInt8]
    /// Headers as produced.
    public var headers: [BusHeader]
    /// Milliseconds since the epoch (produce time unless the producer set one).
    public var timestamp: Int64

    /// A record as read from a log.
    public init(
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
    public var topicPartition: TopicPartition { TopicPartition(topic: topic, partition: partition) }
}
