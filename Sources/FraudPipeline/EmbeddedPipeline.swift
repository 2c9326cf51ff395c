import FraudBus
import FraudCore
import FraudModel
import FraudRuntime

/// The whole pipeline in one process on the embedded bus: scorer and writer (plus any source and extra
/// workers) in one task group, the scorer held back by the writer's lead on `payments.scored`.
///
/// `fraud replay`, `fraud poll`, `fraud serve` and `fraud demo` on the embedded bus, the crash test and the benchmarks
/// are compositions of this.
package struct EmbeddedPipeline: Sendable {
    package let bus: EmbeddedBus
    /// Where the writer stores and the workers quarantine; the whole store, since callers read the results back from it.
    package let store: any Store
    /// The scorer's feature state (by default in the bus directory: `FeatureStateLocation.embeddedURL`).
    package let featureState: any FeatureStateStore
    package let models: ModelSource
    package var scorer: ScorerWorker.Configuration
    package var writer: WriterWorker.Configuration
    /// Largest lead of the scorer over the writer on `payments.scored` (default 50,000 records).
    package var maxLead: Int64
    /// Live figures of the run.
    package let statistics: PipelineStatistics

    package init(bus: EmbeddedBus, store: any Store, featureState: any FeatureStateStore, models: ModelSource, scorer: ScorerWorker.Configuration = ScorerWorker.Configuration(),
                writer: WriterWorker.Configuration = WriterWorker.Configuration(), maxLead: Int64 = 50_000,
                statistics: PipelineStatistics = PipelineStatistics()) {
        self.bus = bus
        self.store = store
        self.featureState = featureState
        self.models = models
        self.scorer = scorer
        self.writer = writer
        self.maxLead = maxLead
        self.statistics = statistics
    }

    /// Scorer and writer, ready to run; append sources, the alerter, a reporter...
    package func workers() -> WorkerGroup {
        var scoring = scorer
        scoring.backpressure = scoring.backpressure ?? .embedded(bus, group: writer.group, maxLead: maxLead)
        return WorkerGroup([
            ScorerWorker(bus: bus, store: store, featureState: featureState, models: models, configuration: scoring, statistics: statistics),
            WriterWorker(bus: bus, store: store, configuration: writer, statistics: statistics),
        ])
    }

    /// Waits until the scorer has committed all of `payments.raw` and then the writer all of `payments.scored`.
    /// - Returns: false when `stop` was requested or `deadline` passed first.
    package func waitUntilStored(stop: StopSignal, deadline: ContinuousClock.Instant? = nil,
                                checkInterval: Duration = .milliseconds(10)) async throws -> Bool {
        try await PaymentTopics.create(on: bus)
        for (group, topic) in [(scorer.group, PaymentMessages.rawTopic), (writer.group, PaymentMessages.scoredTopic)] {
            while try bus.lag(group: group, topic: topic) > 0 {
                if stop.isRequested || Task.isCancelled { return false }
                if let deadline, ContinuousClock.now >= deadline { return false }
                await stop.sleep(for: checkInterval)
            }
        }
        return true
    }
}
