import Foundation
import FraudBus
import FraudCore
import FraudDemo
import FraudMonitoring
import FraudPipeline
import FraudRuntime
import FraudStore

/// `fraud demo --scenario drift`: the model-health loop told in one process on the real pipeline, in its own
/// directory (a fresh SQLite store, embedded bus and registry each run): the stream drifts part-way, delayed
/// ground-truth labels arrive, the monitor reports drift, a challenger is retrained and promoted through the gate, the
/// scorer swaps to it. The dashboard serves that store meanwhile; the closing lines say how to roll the promotion back.
struct DemoDriftStory: PipelineWorker {
    let name = "drift story"
    let directory: String
    let store: any FraudDatabase
    let bus: EmbeddedBus
    /// The scorer's card history, which the dashboard's API scores with too.
    let featureState: any FeatureStateStore

    /// Opens the story's store, bus and feature state in `directory`, emptied first.
    static func open(directory: String) async throws -> DemoDriftStory {
        let files = FileManager.default
        try? files.removeItem(atPath: directory)
        try files.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let store = try await StoreFactory.open("sqlite:\(directory)/fraud.db", logger: OperationalAlerter.logger("fraud.store"))
        let bus = try EmbeddedBus(path: "\(directory)/bus")
        let featureState = try await FeatureStateStoreFactory.open(FeatureStateLocation.embeddedURL(bus))
        return DemoDriftStory(directory: directory, store: store, bus: bus, featureState: featureState)
    }

    /// Closes the feature state and the store.
    func close() async throws {
        try await withCleanup { try await featureState.close() } cleanup: { try await store.close() }
    }

    /// The registry the story promotes in (for the API server and the rollback hint).
    func registry() throws -> ModelRegistry {
        ModelRegistry(store: store, artifactRoot: "\(directory)/registry", evaluator: RecordedMetricsEvaluator(), policy: try PromotionPolicy())
    }

    /// Plays the standard script; a stop (Ctrl-C, `--duration`) ends it early. The story requests `stop` when it is
    /// over, so the dashboard stops with it.
    func run(stop: StopSignal) async throws {
        let logger = OperationalAlerter.logger("fraud.demo")
        let summary = try await DriftDemo.run(
            try DriftDemoScript.standard(), directory: directory, store: store, bus: bus, featureState: featureState,
            alerter: try OperationalAlerter.make(logger: logger), logger: logger, stop: stop) { event in print(event.description) }
        print("""
            \(summary.streamed) payments streamed; drift started at payment \(summary.driftStart); detected at \
            \(summary.driftDetectedAt.map(String.init) ?? "never") (delay \(summary.detectionDelay.map(String.init) ?? "-") payments); \
            \(summary.labels) labels; \(summary.retrainings.count) retrainings; champion \(summary.firstChampion) → \(summary.finalChampion ?? "-")
            roll the promotion back with:
              fraud models rollback --database sqlite:\(directory)/fraud.db --registry-dir \(directory)/registry --reason "demo rollback"
            """)
    }
}
