/// A version of an MLflow registered model.
public struct MLflowModelVersion: Decodable, Hashable, Sendable {
    public var name: String
    /// MLflow's own numbering (`1`, `2`, ...); the registry's version is the `fraud.version` tag.
    public var version: String
    public var source: String?
    public var runId: String?
    /// `READY`, `PENDING_REGISTRATION` or `FAILED_REGISTRATION`.
    public var status: String?
    public var description: String?
    public var tags: [MLflowTag]?
    /// Aliases pointing at this version.
    public var aliases: [String]?
    /// Milliseconds since the epoch.
    public var creationTimestamp: Int64?
}
