import ArgumentParser
import Foundation
import FraudCore
import FraudPipeline
import FraudRuntime
import FraudStore

/// Micro-batch sizes of the pipeline's workers and where the scorer checkpoints its feature state (shared by
/// `replay`, `poll`, `serve`, `run scorer|writer` and `demo`).
struct PipelineOptions: ParsableArguments {
    @Option(name: .long, help: "Scorer: largest micro-batch, in records.")
    var batchSize = 1_000

    @Option(name: .long, help: "Writer: largest micro-batch, in records.")
    var writerBatchSize = 2_000

    @Option(name: .long, help: "Longest wait for a micro-batch to fill, in milliseconds.")
    var maxWaitMs = 50

    @Option(name: .long, help: ArgumentHelp(
        "Where the scorers checkpoint the per-card feature state, and the API reads it: sqlite:PATH or postgres://... (default: $FRAUD_FEATURE_STATE, else feature-state.sqlite in the embedded bus directory, or --database on Kafka).",
        valueName: "url"))
    var featureState: String?

    @Option(name: .long, help: "Scorer: least time between two feature-state checkpoints, in milliseconds (0: after every batch).")
    var checkpointIntervalMs = 1_000

    @Option(name: .long, help: "Embedded bus: after a stop request (Ctrl-C, SIGTERM, --duration), longest wait for what the source sent to be scored and stored, in seconds (a replayed file that ends by itself is always stored whole).")
    var drainTimeout: Double = 30

    func validate() throws {
        guard drainTimeout >= 0, drainTimeout.isFinite else { throw ValidationError("--drain-timeout \(drainTimeout): expected 0 or more seconds") }
        guard batchSize >= 1 else { throw ValidationError("--batch-size \(batchSize): expected at least 1") }
        guard writerBatchSize >= 1 else { throw ValidationError("--writer-batch-size \(writerBatchSize): expected at least 1") }
        guard maxWaitMs >= 1 else { throw ValidationError("--max-wait-ms \(maxWaitMs): expected at least 1") }
        guard checkpointIntervalMs >= 0 else { throw ValidationError("--checkpoint-interval-ms \(checkpointIntervalMs): expected 0 or more") }
    }

    var scorer: ScorerWorker.Configuration {
        ScorerWorker.Configuration(batch: MicroBatchLoop.Configuration(maxRecords: batchSize, maxWait: .milliseconds(maxWaitMs)),
                                   checkpointInterval: .milliseconds(checkpointIntervalMs))
    }

    /// `--drain-timeout` as a duration.
    var drain: Duration { .milliseconds(Int64((drainTimeout * 1000).rounded())) }

    /// The feature-state URL in effect for `bus` and `database`.
    func featureStateURL(bus: any Bus, database: DatabaseOptions) -> String {
        featureState ?? ProcessInfo.processInfo.environment["FRAUD_FEATURE_STATE"].flatMap { $0.isEmpty ? nil : $0 }
            ?? FeatureStateLocation.defaultURL(bus: bus, database: database.url)
    }

    /// Runs `body` with the feature state open, and closes it afterwards, also on failure.
    func withFeatureState<T>(bus: any Bus, database: DatabaseOptions, _ body: (any FeatureStateStore) async throws -> T) async throws -> T {
        let state = try await FeatureStateStoreFactory.open(featureStateURL(bus: bus, database: database))
        return try await withCleanup { try await body(state) } cleanup: { try await state.close() }
    }

    var writer: WriterWorker.Configuration {
        WriterWorker.Configuration(batch: MicroBatchLoop.Configuration(maxRecords: writerBatchSize, maxWait: .milliseconds(maxWaitMs)))
    }
}
