import ArgumentParser
import Foundation
import FraudCore
import FraudStore

/// Where artifacts go and how the promotion gate judges (shared by the `models` subcommands).
struct RegistryOptions: ParsableArguments {
    @Option(name: .long, help: "Directory of registered artifacts (default: $FRAUD_REGISTRY_DIR, else ./models/registry).")
    var registryDir: String?

    @Option(name: .long, help: "Metric the promotion gate compares (higher is better).")
    var metric = "pr_auc"

    @Option(name: .long, help: "How much worse than the champion a candidate may be on --metric.")
    var tolerance = 0.01

    func registry(_ store: any ModelStore) throws -> ModelRegistry {
        let root = registryDir ?? ProcessInfo.processInfo.environment["FRAUD_REGISTRY_DIR"] ?? ModelRegistry.defaultArtifactRoot
        let policy: PromotionPolicy
        do {
            policy = try PromotionPolicy(metric: metric, tolerance: tolerance)
        } catch let error as StoreError {
            throw ValidationError(error.description)
        }
        // The gate's evaluator: metrics recorded at training time until an evaluator that scores the labelled window is wired in.
        return ModelRegistry(store: store, artifactRoot: root, evaluator: RecordedMetricsEvaluator(), policy: policy)
    }
}
