/// An MLflow experiment: the folder runs are recorded in.
package struct MLflowExperiment: Decodable, Hashable, Sendable {
    package var experimentId: String
    package var name: String
    package var artifactLocation: String?
    /// `active` or `deleted`.
    package var lifecycleStage: String?
}
