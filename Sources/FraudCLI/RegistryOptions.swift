import ArgumentParser
import FraudCore
import FraudDrift
import FraudMonitoring
import FraudStore

/// Where artifacts go and how the promotion gate judges (shared by the commands that register, load or judge models).
struct RegistryOptions: ParsableArguments {
    @OptionGroup var directory: RegistryDirectoryOptions

    @Option(name: .long, help: "Metric the promotion gate compares (higher is better).")
    var metric = "pr_auc"

    @Option(name: .long, help: "How much worse than the champion a candidate may be on --metric.")
    var tolerance = 0.01

    @Option(name: .customLong("latency-budget-ms"), help: "Refuse a candidate whose p99 time to score 500 rows of the gate's window is above this.")
    var latencyBudgetMs: Double?

    @Option(name: .customLong("guard-tolerance"), help: "How much worse than the champion a candidate's recall and precision may be on the gate's window.")
    var guardTolerance = 0.05

    @Option(name: .customLong("window-rows"), help: "The gate scores both models on this many most recent confirmed labels.")
    var windowRows = 2_000

    @Option(name: .customLong("min-labels"), help: "Fewest confirmed labels (and --min-frauds frauds) for the same-window gate; else recorded metrics are compared.")
    var minLabels = 200

    @Option(name: .customLong("min-frauds"), help: "Fewest confirmed frauds in the gate's window.")
    var minFrauds = 5

    /// The artifact directory in effect.
    var root: String { directory.root }

    /// The registry for commands that do not judge models (its evaluator compares recorded metrics).
    func registry(_ store: any ModelStore) throws -> ModelRegistry {
        ModelRegistry(store: store, artifactRoot: root, evaluator: RecordedMetricsEvaluator(), policy: try policy())
    }

    /// The promotion gate: both models scored on the same recent labelled window, or recorded metrics when it holds too few labels.
    func gate(_ store: any FraudDatabase) async throws -> PromotionGate {
        guard windowRows >= 1 else { throw ValidationError("--window-rows must be ≥ 1, got \(windowRows)") }
        do {
            return try await PromotionGate.make(
                store: store, artifactRoot: root, policy: try policy(window: EvaluationWindow(maxRows: windowRows)),
                requirements: .init(minimumRows: minLabels, minimumFrauds: minFrauds), guardTolerance: guardTolerance)
        } catch let error as ConfigurationError {
            throw ValidationError("--guard-tolerance: \(error)")
        }
    }

    private func policy(window: EvaluationWindow = EvaluationWindow()) throws -> PromotionPolicy {
        do {
            return try PromotionPolicy(metric: metric, tolerance: tolerance, latencyBudgetMs: latencyBudgetMs, window: window)
        } catch let error as StoreError {
            throw ValidationError(error.description)
        }
    }
}
