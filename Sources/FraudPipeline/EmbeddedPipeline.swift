import FraudBus
import FraudCore

/// The whole pipeline in one process on the embedded bus: scorer and writer (plus any source and extra
/// workers) in one task group, the scorer held back by the writer's lead on `payments.scored`.
///
/// `fraud replay`, `fraud demo`, the crash test and the benchmarks are compositions of this.
public struct EmbeddedPipeline: Sendable {
    public let bus: EmbeddedBus
    public let store: any Store
    /// The scorer's feature state (by default in the bus directory: `FeatureStateLocation.embeddedURL`).
    public let featureState: any FeatureStateStore
    public let models: ModelSource
    public var scorer: ScorerWorker.Configuration
    public var writer: WriterWorker.Configuration
    /// Largest lead of the scorer over the writer on `payments.scored` (default 50,000 records).
    public var maxLead: Int64
    /// Live figures of the run.
    public let statistics: PipelineStatistics

    public init(bus: EmbeddedBus, store: any Store, featureState: any FeatureStateStore, models: ModelSource, scorer: ScorerWorker.Configuration = ScorerWorker.Configuration(),
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
    public func workers() -> WorkerGroup {
        var scoring = scorer
        scoring.backpressure = scoring.backpressure ?? .embedded(bus, group: writer.group, maxLead: maxLead)
        return WorkerGroup([
            ScorerWorker(bus: bus, store: store, featureState: featureState, models: models, configuration: scoring, statistics: statistics),
            WriterWorker(bus: bus, store: store, configuration: writer, statistics: statistics),
        ])
    }

    /// Runs `source` with the scorer and writer (and `extra` workers) until the source is done and every record
    /// it sent is stored, then stops them all; or until `stop` is requested.
    /// - Returns: whether everything was stored (false when stopped early).
    @discardableResult
    public func runUntilStored(source: any PipelineWorker, extra: [any PipelineWorker] = [], stop: StopSignal) async throws -> Bool {
        let caughtUp = SourceThenDrain(source: source, pipeline: self)
        var group = workers()
        group.append(caughtUp)
        for worker in extra { group.append(worker) }
        try await group.run(stop: stop)
        return caughtUp.finished.isSet
    }

    /// Waits until the scorer has committed all of `payments.raw` and then the writer all of `payments.scored`.
    /// - Returns: false when `stop` was requested first.
    public func waitUntilStored(stop: StopSignal, checkInterval: Duration = .milliseconds(10)) async throws -> Bool {
        try await PaymentTopics.create(on: bus)
        for (group, topic) in [(scorer.group, PaymentMessages.rawTopic), (writer.group, PaymentMessages.scoredTopic)] {
            while try bus.lag(group: group, topic: topic) > 0 {
                if stop.isRequested || Task.isCancelled { return false }
                await stop.sleep(for: checkInterval)
            }
        }
        return true
    }
}

/// Runs a source, waits until what it sent is stored, then stops the pipeline.
private struct SourceThenDrain: PipelineWorker {
    let source: any PipelineWorker
    let pipeline: EmbeddedPipeline
    let finished = Flag()

    var name: String { source.name }

    func run(stop: StopSignal) async throws {
        try await source.run(stop: stop)
        if try await pipeline.waitUntilStored(stop: stop) { finished.set() }
        stop.request()
    }
}
