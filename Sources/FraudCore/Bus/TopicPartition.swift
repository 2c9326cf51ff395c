/// One partition of a topic.
public struct TopicPartition: Hashable, Comparable, Sendable {
    /// Topic name.
    public var topic: String
    /// Partition number, from 0.
    public var partition: Int

    /// A partition of `topic`.
    public init(topic: String, partition: Int) {
        self.topic = topic
        self.partition = partition
    }

    public static func < (lhs: TopicPartition, rhs: TopicPartition) -> Bool {
        (lhs.topic, lhs.partition) < (rhs.topic, rhs.partition)
    }
}

extension TopicPartition: CustomStringConvertible {
    public var description: String { "\(topic)[\(partition)]" }
}
