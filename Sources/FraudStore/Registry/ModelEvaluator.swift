import FraudCore

/// Evaluates a model version on a window of labelled payments; injected into the registry so the gate
/// uses the project's real scoring code without the store depending on it.
public protocol ModelEvaluator: Sendable {
    /// Metrics of `model` on the labelled payments of `window`.
    func evaluate(_ model: ModelVersionRecord, on window: EvaluationWindow) async throws -> ModelEvaluation
}

/// The labelled payments both models are judged on: event time in `[from, to)`, at most `maxRows` most recent.
public struct EvaluationWindow: Hashable, Sendable {
    public var from: EventTime?
    public var to: EventTime?
    public var maxRows: Int?

    public init(from: EventTime? = nil, to: EventTime? = nil, maxRows: Int? = nil) {
        self.from = from
        self.to = to
        self.maxRows = maxRows
    }
}

/// What an evaluation measured.
public struct ModelEvaluation: Hashable, Sendable {
    /// `pr_auc`, `f1`, `recall`, ... (higher is better).
    public var metrics: [String: Double]
    /// Labelled rows evaluated.
    public var rows: Int
    /// Scoring latency, p99 per batch, in milliseconds, when measured.
    public var latencyP99Ms: Double?

    public init(metrics: [String: Double], rows: Int, latencyP99Ms: Double? = nil) {
        self.metrics = metrics
        self.rows = rows
        self.latencyP99Ms = latencyP99Ms
    }
}

/// Judges models by the metrics recorded with them at training time (the `metrics` of `metadata.json`).
///
/// A real evaluator, but a weak gate: each model was measured on its own validation split, not on the same
/// recent window. Use it until an evaluator that scores the window with the model itself is injected.
public struct RecordedMetricsEvaluator: ModelEvaluator {
    public init() {}

    public func evaluate(_ model: ModelVersionRecord, on window: EvaluationWindow) async throws -> ModelEvaluation {
        ModelEvaluation(metrics: model.metrics, rows: Int(model.metrics["rows"] ?? 0))
    }
}
