/// An MLflow experiment: the folder runs are recorded in.
public struct MLflowExperiment: Decodable, Hashable, Sendable {
    public var experimentId: String
    public var name: String
    public var artifactLocation: String?
    /// `active` or `deleted`.
    public var lifecycleStage: String?
}
