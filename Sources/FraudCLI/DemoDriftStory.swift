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

    /// Opens the story's store and bus in `directory`, emptied first.
    static func open(directory: String) async throws -> DemoDriftStory {
        let files = FileManager.default
        try? files.removeItem(atPath: directory)
        try files.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let store = try await StoreFactory.open("sqlite:\(directory)/fraud.db", logger: OperationalAlerter.logger("fraud.store"))
        return DemoDriftStory(directory: directory, store: store, bus: try EmbeddedBus(path: "\(directory)/bus"))
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
            try DriftDemoScript.standard(), directory: directory, store: store, bus: bus,
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
