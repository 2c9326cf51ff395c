import FraudCore
import FraudRuntime
import FraudStore
import Logging

/// `fraud run monitor`: consumes `payments.scored` in its own consumer group and watches the model's health.
///
/// Over a sliding window of recent payments: drift of every feature (raw columns and the extractor's, by name) and
/// of the score distribution against the champion's training reference, fraud rate and latency. Over the labelled
/// window (labels read with `Store.labelled(after:)`): precision, recall, F1, and Page–Hinkley/ADWIN on the error
/// stream. Results go to swift-metrics gauges (`MetricNames`), to `drift_reports`, and, once per episode, to
/// the alerter as an `OperationalAlert` (drift detected; recall/precision below the configured floors). A database
/// outage is waited out (`MonitorConfiguration.outage`): the batch in hand waits, uncommitted, until it answers.
package struct MonitorWorker: PipelineWorker {
    package var name: String { "monitor" }

    /// Where `payments.scored` is read.
    package let bus: any Bus
    /// Labels, the registry and `drift_reports`.
    package let store: any FraudDatabase
    /// Where operational alerts go.
    package let alerter: any Alerter
    /// Windows, tests, floors.
    package let configuration: MonitorConfiguration
    /// Partitions of `payments.scored` when the monitor has to create it.
    package let partitions: Int
    let session: MonitorSession

    /// - Throws: `ConfigurationError` from the performance window's detectors.
    package init(bus: any Bus, store: any FraudDatabase, alerter: any Alerter, configuration: MonitorConfiguration,
                referenceBuilder: DriftReferenceBuilder? = nil, partitions: Int = 4,
                logger: Logger = Logger(label: "fraud.monitor"), clock: @escaping @Sendable () -> EventTime = { WallClock.now }) throws {
        self.bus = bus
        self.store = store
        self.alerter = alerter
        self.configuration = configuration
        self.partitions = partitions
        session = try MonitorSession(store: store, alerter: alerter, configuration: configuration,
                                     referenceBuilder: try referenceBuilder ?? DriftReferenceBuilder(),
                                     logger: logger, clock: clock)
    }

    /// Runs until `stop` is requested: the consumer loop and the label poller side by side.
    package func run(stop: StopSignal) async throws {
        try await bus.createTopic(PaymentMessages.scoredTopic, partitions: partitions)
        let consumer = try await bus.makeConsumer(group: configuration.group, topics: [PaymentMessages.scoredTopic], barrier: store.sync)
        let loop = MicroBatchLoop(consumer: consumer, configuration: configuration.batches, stop: stop)
        let session = self.session
        let interval = configuration.labelPollInterval
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await loop.run { records in try await session.process(records, stop: stop) } }
            group.addTask {
                while !stop.isRequested, !Task.isCancelled {
                    do {
                        try await session.pollLabels(stop: stop)
                    } catch is StoppedDuringOutage {
                        break
                    }
                    await stop.sleep(for: interval)
                }
            }
            try await group.waitForAll()
        }
    }

    /// Replays earlier payments (event-time order) into the monitor's per-card feature state before `run`, e.g. the
    /// history the scorer's state was built from, so that the first windows are not compared cold.
    package func warm(with history: [Transaction]) async {
        await session.warm(with: history)
    }

    /// What the monitor has seen so far (for the demo's narration and tests).
    package func status() async -> MonitorStatus {
        await MonitorStatus(paymentsSeen: session.paymentsSeen, lastCheck: session.lastCheck, performance: session.lastSnapshot,
                            reportsSaved: session.reportsSaved, alerts: session.alertsRaised)
    }
}
