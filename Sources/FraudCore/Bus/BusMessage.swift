/// A record to produce: topic, key, value and headers. The bus assigns partition (from the key
/// unless given) and offset.
package struct BusMessage: Hashable, Sendable {
    /// Destination topic.
    package var topic: String
    /// Partitioning key (for payments: `cc_num` in decimal); records with equal keys stay in order.
    package var key: [UInt8]
    /// Payload bytes.
    package var value: [UInt8]
    /// Headers, such as `schema-version`.
    package var headers: [BusHeader]
    /// An explicit partition; `nil` partitions by key (`Murmur2Partitioner`).
    package var partition: Int?
    /// Milliseconds since the epoch; `nil` stamps the produce time.
    package var timestamp: Int64?

    /// A message to `topic`.
    package init(
        topic: String, key: [UInt8], value: [UInt8], headers: [BusHeader] = [], partition: Int? = nil, timestamp: Int64? = nil
    ) {
        self.topic = topic
        self.key = key
        self.value = value
        self.headers = headers
        self.partition = partition
        self.timestamp = timestamp
    }
}
