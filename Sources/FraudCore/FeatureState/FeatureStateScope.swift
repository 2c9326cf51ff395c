/// Whose feature state: the scorers of one consumer group reading one input topic.
public struct FeatureStateScope: Hashable, Sendable {
    /// The scorers' consumer group (default `scorer`).
    public var group: String
    /// The topic the state is derived from (`payments.raw`); its partitions partition the state.
    public var topic: String

    public init(group: String, topic: String) {
        self.group = group
        self.topic = topic
    }
}

extension FeatureStateScope: CustomStringConvertible {
    public var description: String { "\(group)/\(topic)" }
}
