import FraudBus

extension EmbeddedBus {
    /// Records of `topic` not yet committed by `group` (summed over partitions).
    package func lag(group: String, topic: String) throws -> Int64 {
        let ends = try endOffsets(topic: topic)
        let committed = try committedOffsets(group: group, topic: topic)
        return zip(ends, committed).reduce(0) { $0 + max(0, $1.0 - $1.1) }
    }
}
