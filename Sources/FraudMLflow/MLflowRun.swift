/// An MLflow run as `runs/get`, `runs/create` and `runs/search` return it.
public struct MLflowRun: Decodable, Hashable, Sendable {
    /// Identity, status and times.
    public struct Info: Decodable, Hashable, Sendable {
        public var runId: String
        public var experimentId: String
        public var runName: String?
        /// `RUNNING`, `SCHEDULED`, `FINISHED`, `FAILED` or `KILLED`.
        public var status: String?
        /// Milliseconds since the epoch.
        public var startTime: Int64?
        public var endTime: Int64?
        public var artifactUri: String?
        public var lifecycleStage: String?
    }

    /// What was logged (MLflow leaves out empty lists).
    public struct Data: Decodable, Hashable, Sendable {
        public var metrics: [MLflowMetric]?
        public var params: [MLflowTag]?
        public var tags: [MLflowTag]?
    }

    /// Identity, status and times.
    public var info: Info
    /// What was logged; nil when nothing was.
    public var data: Data?

    /// The run's params (empty when none).
    public var params: [MLflowTag] { data?.params ?? [] }
    /// The run's tags, MLflow's own (`mlflow.*`) included.
    public var tags: [MLflowTag] { data?.tags ?? [] }
    /// The latest value of each metric.
    public var metrics: [MLflowMetric] { data?.metrics ?? [] }
}
