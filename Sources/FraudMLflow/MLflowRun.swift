/// An MLflow run as `runs/get`, `runs/create` and `runs/search` return it.
package struct MLflowRun: Decodable, Hashable, Sendable {
    /// Identity, status and times.
    package struct Info: Decodable, Hashable, Sendable {
        package var runId: String
        package var experimentId: String
        package var runName: String?
        /// `RUNNING`, `SCHEDULED`, `FINISHED`, `FAILED` or `KILLED`.
        package var status: String?
        /// Milliseconds since the epoch.
        package var startTime: Int64?
        package var endTime: Int64?
        package var artifactUri: String?
        package var lifecycleStage: String?
    }

    /// What was logged (MLflow leaves out empty lists).
    package struct Data: Decodable, Hashable, Sendable {
        package var metrics: [MLflowMetric]?
        package var params: [MLflowTag]?
        package var tags: [MLflowTag]?
    }

    /// Identity, status and times.
    package var info: Info
    /// What was logged; nil when nothing was.
    package var data: Data?

    /// The run's params (empty when none).
    package var params: [MLflowTag] { data?.params ?? [] }
    /// The run's tags, MLflow's own (`mlflow.*`) included.
    package var tags: [MLflowTag] { data?.tags ?? [] }
    /// The latest value of each metric.
    package var metrics: [MLflowMetric] { data?.metrics ?? [] }
}
