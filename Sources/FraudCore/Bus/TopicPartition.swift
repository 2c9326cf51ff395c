/// One partition of a topic.
package struct TopicPartition: Hashable, Comparable, Sendable {
    /// Topic name.
    package var topic: String
    /// Partition number, from 0.
    package var partition: Int

    /// A partition of `topic`.
    package init(topic: String, partition: Int) {
        self.topic = topic
        self.partition = partition
    }

    package static func < (lhs: TopicPartition, rhs: TopicPartition) -> Bool {
        (lhs.topic, lhs.partition) < (rhs.topic, rhs.partition)
    }
}

extension TopicPartition: CustomStringConvertible {
    package var description: String { "\(topic)[\(partition)]" }
}
