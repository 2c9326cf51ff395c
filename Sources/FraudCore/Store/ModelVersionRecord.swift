/// A registered model version and where its artifact directory is.
package struct ModelVersionRecord: Hashable, Sendable {
    /// `1`, `2`, ... as assigned by the registry.
    package var version: String
    /// The run that produced it, if recorded.
    package var runId: String?
    package var createdAt: EventTime
    /// `xgboost`, `logistic`, `baseline`, ...
    package var modelType: String
    /// The decision threshold stored with the model.
    package var threshold: Double?
    /// Metrics recorded at training time (validation split).
    package var metrics: [String: Double]
    /// The artifact directory (`model.json`, `features.json`, `metadata.json`).
    package var artifactPath: String
    /// The artifact's `metadata.json` as it was imported.
    package var metadataJSON: String?
    package var description: String?

    package init(
        version: String, runId: String? = nil, createdAt: EventTime, modelType: String, threshold: Double? = nil,
        metrics: [String: Double] = [:], artifactPath: String, metadataJSON: String? = nil, description: String? = nil
    ) {
        self.version = version
        self.runId = runId
        self.createdAt = createdAt
        self.modelType = modelType
        self.threshold = threshold
        self.metrics = metrics
        self.artifactPath = artifactPath
        self.metadataJSON = metadataJSON
        self.description = description
    }
}
