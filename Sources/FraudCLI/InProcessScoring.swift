import FraudBus
import FraudCore
import FraudPipeline
import FraudRuntime
import FraudStore

/// The scorer and writer a source command (`fraud poll`, `fraud serve`) runs in its own process on the embedded bus,
/// which one process owns (a `LOCK` file), as `fraud replay` and `fraud demo` do. On Kafka the source only produces
/// and `fraud run scorer|writer` do the rest.
enum InProcessScoring {
    /// Runs `body` with the scoring to run beside the source, its feature state open read-write; with nil on Kafka,
    /// and with nil and a warning saying what to run when there is no model (no `--model`, no champion).
    static func with<T>(bus: any Bus, store: any FraudDatabase, database: DatabaseOptions, options: PipelineOptions,
                        model: ModelOptions,
                        _ body: (EmbeddedPipeline?) async throws -> T) async throws -> T {
        guard let embedded = bus as? EmbeddedBus else { return try await body(nil) }
        let champion = model.model == nil ? try await store.alias(AliasRecord.champion) : nil
        guard model.model != nil || champion != nil else {
            printError("warning: no champion model and no --model: payments are not scored here; they wait on payments.raw"
                       + " until a run with a model (promote one with 'fraud models promote VERSION', or pass --model DIR, then restart)")
            return try await body(nil)
        }
        let models = try model.source(store: store)
        return try await options.withFeatureState(bus: bus, database: database) { featureState in
            try await body(EmbeddedPipeline(
                bus: embedded, store: store, featureState: featureState, models: models, scorer: options.scorer, writer: options.writer))
        }
    }

    /// Runs `source` (and `extra`) with `scoring` when there is one, draining at the stop (at most `drainTimeout`,
    /// with a warning when it is hit); else alone.
    static func run(_ source: any PipelineWorker, extra: [any PipelineWorker] = [], scoring: EmbeddedPipeline?, stop: StopSignal,
                    drainTimeout: Duration) async throws {
        guard let scoring else { return try await WorkerGroup([source] + extra).run(stop: stop) }
        let outcome = try await scoring.run(source: source, extra: extra, stop: stop, drainTimeout: drainTimeout)
        if !outcome.drained {
            printError("warning: stopped after --drain-timeout \(drainTimeout) with payments not yet stored; the next run on this bus scores and stores them")
        }
    }
}
