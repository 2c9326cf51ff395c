/// An MLflow registered model with its aliases.
public struct MLflowRegisteredModel: Decodable, Hashable, Sendable {
    /// An alias and the MLflow version it points at.
    public struct Alias: Decodable, Hashable, Sendable {
        public var alias: String
        public var version: String
    }

    public var name: String
    public var description: String?
    public var tags: [MLflowTag]?
    /// MLflow leaves the list out when there are none.
    public var aliases: [Alias]?

    /// The MLflow version `alias` points at, if set.
    public func version(forAlias alias: String) -> String? { aliases?.first { $0.alias == alias }?.version }
}
