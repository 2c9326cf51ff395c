import FraudCore

/// Evaluates a model version on a window of labelled payments; injected into the registry so the gate
/// uses the project's real scoring code without the store depending on it.
package protocol ModelEvaluator: Sendable {
    /// Metrics of `model` on the labelled payments of `window`.
    func evaluate(_ model: ModelVersionRecord, on window: EvaluationWindow) async throws -> ModelEvaluation
}

/// The labelled payments both models are judged on: event time in `[from, to)`, at most `maxRows` most recent.
package struct EvaluationWindow: Hashable, Sendable {
    package var from: EventTime?
    package var to: EventTime?
    package var maxRows: Int?

    package init(from: EventTime? = nil, to: EventTime? = nil, maxRows: Int? = nil) {
        self.from = from
        self.to = to
        self.maxRows = maxRows
    }
}

/// What an evaluation measured.
package struct ModelEvaluation: Hashable, Sendable {
    /// `pr_auc`, `f1`, `recall`, ... (higher is better).
    package var metrics: [String: Double]
    /// Labelled rows evaluated.
    package var rows: Int
    /// Scoring latency, p99 per batch, in milliseconds, when measured.
    package var latencyP99Ms: Double?
    /// Set when the metrics rest on too few frauds to compare on: the gate does not trust them.
    package var fraudShortfall: FraudShortfall?

    package init(metrics: [String: Double], rows: Int, latencyP99Ms: Double? = nil, fraudShortfall: FraudShortfall? = nil) {
        self.metrics = metrics
        self.rows = rows
        self.latencyP99Ms = latencyP99Ms
        self.fraudShortfall = fraudShortfall
    }
}

/// Judges models by the metrics recorded with them at training time (the `metrics` of `metadata.json`).
///
/// A real evaluator, but a weak gate: each model was measured on its own validation split, not on the same
/// recent window. Use it until an evaluator that scores the window with the model itself is injected.
/// Metrics whose recorded `frauds` is below `minimumFrauds` carry a `fraudShortfall`; metrics recorded without a
/// fraud count (imported artifacts) are taken as they are.
package struct RecordedMetricsEvaluator: ModelEvaluator {
    /// Frauds a recorded metric must rest on to be compared.
    package let minimumFrauds: Int

    package init(minimumFrauds: Int = MetricEvidence.minimumFrauds) {
        self.minimumFrauds = minimumFrauds
    }

    package func evaluate(_ model: ModelVersionRecord, on window: EvaluationWindow) async throws -> ModelEvaluation {
        let frauds = model.metrics["frauds"].map { Int($0) }
        let shortfall = frauds.flatMap { $0 < minimumFrauds ? FraudShortfall(frauds: $0, required: minimumFrauds) : nil }
        return ModelEvaluation(metrics: model.metrics, rows: Int(model.metrics["rows"] ?? 0), fraudShortfall: shortfall)
    }
}
