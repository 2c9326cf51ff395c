import FraudCore
import FraudDrift
import FraudStore

/// Champion/challenger promotion judged on the same recent labelled window.
///
/// The registry's gate compares `policy.metric` (PR-AUC by default) within `policy.tolerance`; this gate also
/// refuses a candidate whose recall or precision (`guardMetrics`) is worse than the champion's by more than
/// `guardTolerance`. When the window holds too few labels (`Requirements`), it falls back to the metrics recorded
/// at training time (`RecordedMetricsEvaluator`, which distrusts metrics from fewer than `MetricEvidence.minimumFrauds`
/// frauds) and says so in `note`.
package struct PromotionGate: Sendable {
    /// The least a labelled window must hold for the same-window comparison.
    package struct Requirements: Hashable, Sendable {
        /// Labelled payments (default 200).
        package var minimumRows: Int
        /// Confirmed frauds among them (default 5): recall and PR-AUC mean little with fewer.
        package var minimumFrauds: Int

        /// Requirements with the given minimums.
        package init(minimumRows: Int = 200, minimumFrauds: Int = 5) {
            self.minimumRows = minimumRows
            self.minimumFrauds = minimumFrauds
        }
    }

    /// The registry, with the evaluator chosen for this window.
    package let registry: ModelRegistry
    /// The labelled window loaded for the policy (also when too small to use).
    package let window: LabelledWindow
    /// Whether models are scored on the labelled window (else recorded metrics are compared).
    package let sameWindow: Bool
    /// What the gate compares on, in one line (for logs and the CLI).
    package let note: String
    /// Metrics besides the policy's that must not get worse by more than `guardTolerance`.
    package let guardMetrics: [String]
    /// How much worse than the champion's a guard metric may be.
    package let guardTolerance: Double

    /// What a promotion attempt did and what it was judged on.
    package struct Decision: Sendable {
        /// Whether the champion moved, or why not.
        package var outcome: ModelRegistry.Outcome
        /// The candidate's and the champion's evaluations, when both were evaluated.
        package var candidate: ModelEvaluation?
        /// The champion's evaluation on the same window.
        package var champion: ModelEvaluation?
    }

    /// Loads the policy's window from `store` and builds the gate over a registry on `store`.
    /// - Throws: `ConfigurationError` when `guardTolerance` is outside 0...1.
    package static func make(store: any FraudDatabase, artifactRoot: String, policy: PromotionPolicy,
                            requirements: Requirements = Requirements(), guardMetrics: [String] = ["recall", "precision"],
                            guardTolerance: Double = 0.05) async throws -> PromotionGate {
        guard (0...1).contains(guardTolerance) else {
            throw ConfigurationError(parameter: "guardTolerance", value: "\(guardTolerance)", expected: "0...1")
        }
        let window = try await LabelledWindow.load(store: store, window: policy.window)
        if window.rows >= requirements.minimumRows && window.frauds >= requirements.minimumFrauds {
            let registry = ModelRegistry(store: store, artifactRoot: artifactRoot, evaluator: SameWindowEvaluator(window: window), policy: policy)
            let note = "same-window gate: both models scored on the \(window.rows) most recent labelled payments (\(window.frauds) frauds)"
            return PromotionGate(registry: registry, window: window, sameWindow: true, note: note, guardMetrics: guardMetrics, guardTolerance: guardTolerance)
        }
        let registry = ModelRegistry(store: store, artifactRoot: artifactRoot, evaluator: RecordedMetricsEvaluator(), policy: policy)
        let reason = MonitoringError.tooFewLabels(rows: window.rows, frauds: window.frauds, requiredRows: requirements.minimumRows,
                                                  requiredFrauds: requirements.minimumFrauds)
        let note = "\(reason); falling back to the metrics recorded at training time (each model on its own validation split, "
            + "trusted only when measured on at least \(MetricEvidence.minimumFrauds) frauds)"
        return PromotionGate(registry: registry, window: window, sameWindow: false, note: note, guardMetrics: [], guardTolerance: guardTolerance)
    }

    /// Promotes `version` if it passes: guard metrics first (same window only), then the registry's gate.
    package func promote(version: String, force: Bool = false, by: String, reason: String) async throws -> Decision {
        let store = registry.store
        guard !force, sameWindow, let championAlias = try await store.alias(AliasRecord.champion), championAlias.version != version,
              let champion = try await store.model(version: championAlias.version),
              let candidate = try await store.model(version: version) else {
            return Decision(outcome: try await registry.promote(version: version, force: force, by: by, reason: reason))
        }
        let window = registry.policy.window
        let candidateEvaluation = try await registry.evaluator.evaluate(candidate, on: window)
        let championEvaluation = try await registry.evaluator.evaluate(champion, on: window)
        for metric in guardMetrics {
            guard let new = candidateEvaluation.metrics[metric], let old = championEvaluation.metrics[metric] else { continue }
            if new < old - guardTolerance {
                let rejection = PromotionRejection.worseThanChampion(metric: metric, candidate: new, champion: old, tolerance: guardTolerance)
                return Decision(outcome: .rejected(rejection), candidate: candidateEvaluation, champion: championEvaluation)
            }
        }
        let outcome = try await registry.promote(version: version, by: by, reason: reason)
        return Decision(outcome: outcome, candidate: candidateEvaluation, champion: championEvaluation)
    }
}
