/// An MLflow registered model with its aliases.
package struct MLflowRegisteredModel: Decodable, Hashable, Sendable {
    /// An alias and the MLflow version it points at.
    package struct Alias: Decodable, Hashable, Sendable {
        package var alias: String
        package var version: String
    }

    package var name: String
    package var description: String?
    package var tags: [MLflowTag]?
    /// MLflow leaves the list out when there are none.
    package var aliases: [Alias]?

    /// The MLflow version `alias` points at, if set.
    package func version(forAlias alias: String) -> String? { aliases?.first { $0.alias == alias }?.version }
}
