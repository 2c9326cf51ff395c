/// A version of an MLflow registered model.
package struct MLflowModelVersion: Decodable, Hashable, Sendable {
    package var name: String
    /// MLflow's own numbering (`1`, `2`, ...); the registry's version is the `fraud.version` tag.
    package var version: String
    package var source: String?
    package var runId: String?
    /// `READY`, `PENDING_REGISTRATION` or `FAILED_REGISTRATION`.
    package var status: String?
    package var description: String?
    package var tags: [MLflowTag]?
    /// Aliases pointing at this version.
    package var aliases: [String]?
    /// Milliseconds since the epoch.
    package var creationTimestamp: Int64?
}
