import FraudCore
import FraudModel
import FraudRuntime
import FraudStore
import Logging
import Metrics
import Synchronization

/// Consumes `payments.raw` in micro-batches, computes features with the per-card state of the partitions it owns,
/// scores each batch at once, publishes `payments.scored`, then commits (at-least-once delivery).
///
/// The per-card state is exactly-once (`ScorerFeatureState`): restored from the `FeatureStateStore` on every partition
/// assignment, with the consumer positioned at the checkpoint's offset, and checkpointed with the offsets it reflects
/// every `checkpointInterval`, on revocation and when stopping. After any restart or rebalance each payment is scored
/// exactly as if nothing had happened.
///
/// Malformed records go to the store's quarantine with the reason and never stop it. Between batches it
/// asks its `ModelSource` for the model, so a new champion is picked up without restart or lost records.
package struct ScorerWorker: PipelineWorker {
    /// How the scorer batches, names its group and explains its decisions.
    package struct Configuration: Sendable {
        /// Up to N records or at most T per batch (default 1,000 records, 50 ms).
        package var batch: MicroBatchLoop.Configuration
        /// Consumer group; scorers of one group share the partitions.
        package var group: String
        /// Which payments get reasons (default: the flagged ones, top 3).
        package var reasons: FraudScorer.Reasons
        /// Optional bound on the scored topic's un-consumed lead.
        package var backpressure: Backpressure?
        /// Least time between two feature-state checkpoints (default 1 s; `.zero`: after every batch). It bounds how
        /// far the API's view of a card lags the stream, and how much a restart replays.
        package var checkpointInterval: Duration
        /// How a database outage is waited out (quarantine, feature-state claims and checkpoints).
        package var outage = OutageRetry.standard

        package init(batch: MicroBatchLoop.Configuration = MicroBatchLoop.Configuration(), group: String = PaymentMessages.scorerGroup,
                    reasons: FraudScorer.Reasons = .flagged(top: 3), backpressure: Backpressure? = nil,
                    checkpointInterval: Duration = .seconds(1)) {
            self.batch = batch
            self.group = group
            self.reasons = reasons
            self.backpressure = backpressure
            self.checkpointInterval = checkpointInterval
        }
    }

    package let name = "scorer"
    package let bus: any Bus
    /// Where malformed records are quarantined.
    package let store: any TransactionWriter
    /// Where the per-card feature state is checkpointed (and read online by the API).
    package let featureState: any FeatureStateStore
    package let models: ModelSource
    package let configuration: Configuration
    /// Live figures, when the process reads them back (`fraud demo`, benchmarks).
    package let statistics: PipelineStatistics?

    package init(bus: any Bus, store: any TransactionWriter, featureState: any FeatureStateStore, models: ModelSource,
                configuration: Configuration = Configuration(), statistics: PipelineStatistics? = nil) {
        self.bus = bus
        self.store = store
        self.featureState = featureState
        self.models = models
        self.configuration = configuration
        self.statistics = statistics
    }

    package func run(stop: StopSignal) async throws {
        let logger = Logger(label: "fraud.scorer")
        let watcher = models.watcher()
        // Fail before joining the group when there is no model at all.
        _ = try await watcher.current()
        try await PaymentTopics.create(on: bus)
        let state = ScorerFeatureState(
            store: featureState, scope: FeatureStateScope(group: configuration.group, topic: PaymentMessages.rawTopic), bus: bus,
            quarantine: store, outage: configuration.outage, stop: stop, statistics: statistics)
        let consumer = try await bus.makeConsumer(group: configuration.group, topics: [PaymentMessages.rawTopic], listener: state)
        let loop = MicroBatchLoop(consumer: consumer, configuration: configuration.batch, stop: stop)
        let batchScorer = BatchScorer(state: state, reasons: configuration.reasons)
        let lastCheckpoint = Mutex(ContinuousClock.now)
        try await bus.withProducer { producer in
            try await loop.run { records in
                let scorer = try await watcher.current()
                let outcome = batchScorer.score(records, with: scorer)
                try await store.quarantine(outcome.quarantined, from: PaymentMessages.rawTopic, outage: configuration.outage, stop: stop,
                                           logger: logger, statistics: statistics)
                if !outcome.scored.isEmpty {
                    try await configuration.backpressure?.wait(stop: stop)
                    try await producer.send(outcome.scored.map { PaymentMessages.message(for: $0) })
                    record(outcome, modelVersion: scorer.modelVersion)
                }
                // When stopping, the last batch is checkpointed before the consumer leaves the group, so that the
                // partitions' next owners need not replay it.
                let now = ContinuousClock.now
                if stop.isRequested || now - lastCheckpoint.withLock({ $0 }) >= configuration.checkpointInterval {
                    try await state.checkpoint()
                    lastCheckpoint.withLock { $0 = now }
                }
            }
        }
        // Whatever the last batches changed after the stop was seen (stopping gracefully, the next scorer replays nothing).
        do {
            try await state.checkpoint()
        } catch let error as StoppedDuringOutage {
            logger.warning("stopped without the last feature-state checkpoint; the next scorer replays from the one before: \(error)")
        }
    }

    private func record(_ outcome: BatchScorer.Outcome, modelVersion: String) {
        let frauds = outcome.scored.reduce(0) { $0 + ($1.prediction ? 1 : 0) }
        Counter(label: MetricNames.paymentsScored, dimensions: [("model_version", modelVersion)]).increment(by: outcome.scored.count)
        if frauds > 0 {
            Counter(label: MetricNames.fraudsPredicted, dimensions: [("model_version", modelVersion)]).increment(by: frauds)
        }
        Recorder(label: MetricNames.batchSize).record(outcome.scored.count)
        Timer(label: MetricNames.scoringLatency).recordNanoseconds(outcome.scoringNanoseconds)
        let endToEnd = Timer(label: MetricNames.endToEndLatency)
        var latencies: [UInt64] = []
        latencies.reserveCapacity(outcome.scored.count)
        for scored in outcome.scored {
            let microseconds = UInt64(max(0, scored.latencyMs * 1000))
            endToEnd.recordMicroseconds(microseconds)
            latencies.append(microseconds)
        }
        statistics?.scored(count: outcome.scored.count, frauds: frauds, latencies: latencies)
    }
}
