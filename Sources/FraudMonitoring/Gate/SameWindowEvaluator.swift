import FraudCore
import FraudMetrics
import FraudModel
import FraudStore
import Synchronization

/// The promotion gate's evaluator: scores each model version with its own artifact on the same recent labelled
/// window (`LabelledWindow`), so champion and candidate are compared on identical rows, with their own thresholds.
///
/// Metrics: `pr_auc`, `roc_auc`, `precision`, `recall`, `f1`, `rows`, `frauds`; `latencyP99Ms` is the p99 time to
/// score one batch of `batchSize` rows. Evaluations are memoised per version (the gate asks twice: once for its
/// guard metrics, once through the registry).
package final class SameWindowEvaluator: ModelEvaluator {
    /// The rows every model is judged on.
    package let window: LabelledWindow
    /// Rows scored at a time when measuring latency.
    package let batchSize: Int
    private let cache = Mutex<[String: ModelEvaluation]>([:])

    /// An evaluator over `window`, measuring latency on batches of `batchSize` rows.
    package init(window: LabelledWindow, batchSize: Int = 500) {
        self.window = window
        self.batchSize = max(1, batchSize)
    }

    /// - Throws: `MonitoringError.windowMismatch` when `requested` is not the window this evaluator loaded;
    ///   `ModelError` when the artifact cannot be loaded.
    package func evaluate(_ model: ModelVersionRecord, on requested: EvaluationWindow) async throws -> ModelEvaluation {
        guard requested == window.window else {
            throw MonitoringError.windowMismatch(loaded: "\(window.window)", requested: "\(requested)")
        }
        if let cached = cache.withLock({ $0[model.version] }) { return cached }
        let artifact = try ModelArtifact.load(directory: model.artifactPath)
        let evaluation = evaluate(try artifact.scoringModel(), threshold: model.threshold ?? artifact.metadata.threshold)
        cache.withLock { $0[model.version] = evaluation }
        return evaluation
    }

    /// Scores `model` on the window and measures it at `threshold`.
    package func evaluate(_ model: any ScoringModel, threshold: Double) -> ModelEvaluation {
        let data = window.features
        var scores: [Double] = []
        scores.reserveCapacity(data.count)
        var batchMilliseconds: [Double] = []
        var start = 0
        while start < data.count {
            let end = min(start + batchSize, data.count)
            let began = ContinuousClock.now
            scores += model.scores(data.matrix.rows(start..<end))
            batchMilliseconds.append((ContinuousClock.now - began).inSeconds * 1000)
            start = end
        }
        let report = EvaluationReport(scores: scores, labels: data.labels, days: data.days, cards: data.cards, threshold: threshold)
        let metrics = [
            "pr_auc": report.prAUC, "roc_auc": report.rocAUC, "precision": report.precision, "recall": report.recall,
            "f1": report.f1, "rows": Double(report.rows), "frauds": Double(report.frauds), "threshold": threshold,
        ]
        batchMilliseconds.sort()
        let p99 = batchMilliseconds.isEmpty ? nil : batchMilliseconds[min(batchMilliseconds.count - 1, Int(Double(batchMilliseconds.count) * 0.99))]
        return ModelEvaluation(metrics: metrics, rows: report.rows, latencyP99Ms: p99)
    }
}
