/// Whose feature state: the scorers of one consumer group reading one input topic.
package struct FeatureStateScope: Hashable, Sendable {
    /// The scorers' consumer group (default `scorer`).
    package var group: String
    /// The topic the state is derived from (`payments.raw`); its partitions partition the state.
    package var topic: String

    package init(group: String, topic: String) {
        self.group = group
        self.topic = topic
    }
}

extension FeatureStateScope: CustomStringConvertible {
    package var description: String { "\(group)/\(topic)" }
}
