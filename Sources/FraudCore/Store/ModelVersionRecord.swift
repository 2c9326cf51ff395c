/// A registered model version and where its artifact directory is.
public struct ModelVersionRecord: Hashable, Sendable {
    /// `1`, `2`, ... as assigned by the registry.
    public var version: String
    /// The run that produced it, if recorded.
    public var runId: String?
    public var createdAt: EventTime
    /// `xgboost`, `logistic`, `baseline`, ...
    public var modelType: String
    /// The decision threshold stored with the model.
    public var threshold: Double?
    /// Metrics recorded at training time (validation split).
    public var metrics: [String: Double]
    /// The artifact directory (`model.json`, `features.json`, `metadata.json`).
    public var artifactPath: String
    /// The artifact's `metadata.json` as it was imported.
    public var metadataJSON: String?
    public var description: String?

    public init(
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
