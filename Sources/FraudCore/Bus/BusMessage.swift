/// A record to produce: topic, key, value and headers. The bus assigns partition (from the key
/// unless given) and offset.
public struct BusMessage: Hashable, Sendable {
    /// Destination topic.
    public var topic: String
    /// Partitioning key (for payments: `cc_num` in decimal); records with equal keys stay in order.
    public var key: [UInt8]
    /// Payload bytes.
    public var value: [UInt8]
    /// Headers, such as `schema-version`.
    public var headers: [BusHeader]
    /// An explicit partition; `nil` partitions by key (`Murmur2Partitioner`).
    public var partition: Int?
    /// Milliseconds since the epoch; `nil` stamps the produce time.
    public var timestamp: Int64?

    /// A message to `topic`.
    public init(
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
