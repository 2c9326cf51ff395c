import FraudAlerting
import FraudCore
import FraudRuntime
import FraudStore
import Logging
import Metrics

/// Consumes `payments.scored` and alerts on every payment predicted fraud: one `Alerter` delivery per
/// `trans_num` (webhook, e-mail), then the alert is recorded in the store with its delivery outcomes
/// and the batch committed.
///
/// Deliveries of a batch run concurrently, at most `maxConcurrentDeliveries` at a time, and each is cut
/// off after `deliveryTimeout` (its retries included, recorded as failed), so a channel that is down
/// delays the batch by a bounded time and never stops the worker. A delivery failure is logged (by the
/// dispatcher), counted and stored with the alert (`AlertRecord.deliveries`); the alert is recorded all the same. A record that cannot be decoded is quarantined.
/// Offsets are committed (by `MicroBatchLoop`) only after the batch's alerts are recorded: a crash
/// re-delivers the batch, the store keeps one alert per `trans_num`, and the dispatcher skips keys it
/// already delivered.
package struct AlerterWorker: PipelineWorker {
    package var name: String { "alerter" }

    /// Consumer group, batching and delivery bounds; each has a documented default (`try Configuration()`).
    package struct Configuration: Hashable, Sendable {
        /// Consumer group. Default `alerter`.
        package var group: String
        /// Topic of scored payments. Default `payments.scored`.
        package var topic: String
        /// Partitions of `topic` when the worker starts before anyone created it. Default 4.
        package var partitions: Int
        /// Micro-batches. Default up to 500 records or 100 ms.
        package var batch: MicroBatchLoop.Configuration
        /// Alerts delivered at once. Default 16.
        package var maxConcurrentDeliveries: Int
        /// Longest time one alert's delivery (every channel, retries included) may take. Default 2 min.
        package var deliveryTimeout: Duration
        /// How a database outage is waited out (the batch's alerts are recorded, and the batch committed, once it answers).
        package var outage = OutageRetry.standard

        /// Settings with their defaults; see each property. Throws naming a value out of range.
        package init(
            group: String = "alerter", topic: String = PaymentMessages.scoredTopic, partitions: Int = 4,
            batch: MicroBatchLoop.Configuration = .init(maxRecords: 500, maxWait: .milliseconds(100)),
            maxConcurrentDeliveries: Int = 16, deliveryTimeout: Duration = .seconds(120)
        ) throws(ConfigurationError) {
            guard !group.isEmpty else { throw ConfigurationError(parameter: "group", value: group, reason: "must not be empty") }
            guard partitions >= 1 else {
                throw ConfigurationError(parameter: "partitions", value: String(partitions), reason: "must be at least 1")
            }
            guard maxConcurrentDeliveries >= 1 else {
                throw ConfigurationError(
                    parameter: "maxConcurrentDeliveries", value: String(maxConcurrentDeliveries), reason: "must be at least 1")
            }
            guard deliveryTimeout > .zero else {
                throw ConfigurationError(parameter: "deliveryTimeout", value: "\(deliveryTimeout)", reason: "must be positive")
            }
            self.group = group
            self.topic = topic
            self.partitions = partitions
            self.batch = batch
            self.maxConcurrentDeliveries = maxConcurrentDeliveries
            self.deliveryTimeout = deliveryTimeout
        }
    }

    package let configuration: Configuration
    private let bus: any Bus
    private let store: any TransactionWriter
    private let alerter: any Alerter
    private let clock: any AlertClock
    private let logger: Logger

    /// A worker alerting through `alerter` (an `AlertDispatcher` in production) and recording into `store`.
    /// - Parameter clock: the time alerts are raised at.
    package init(
        configuration: Configuration, bus: any Bus, store: any TransactionWriter, alerter: any Alerter,
        clock: any AlertClock = SystemAlertClock(), logger: Logger = Logger(label: "fraud.alerter")
    ) {
        self.configuration = configuration
        self.bus = bus
        self.store = store
        self.alerter = alerter
        self.clock = clock
        self.logger = logger
    }

    /// Runs until `stop` is requested; the batch in flight is delivered, recorded and committed first.
    /// - Throws: when the bus fails or the store rejects a write (the uncommitted batch is re-delivered on restart); a
    ///   database outage is waited out (`Configuration.outage`).
    package func run(stop: StopSignal) async throws {
        try await bus.createTopic(configuration.topic, partitions: configuration.partitions)
        let consumer = try await bus.makeConsumer(group: configuration.group, topics: [configuration.topic], barrier: store.sync)
        let loop = MicroBatchLoop(consumer: consumer, configuration: configuration.batch, stop: stop)
        try await loop.run { records in try await process(records, stop: stop) }
    }

    /// Decodes, delivers and records one batch; store calls wait out a database outage until `stop`.
    func process(_ records: [BusRecord], stop: StopSignal) async throws {
        var quarantined: [QuarantinedRecord] = []
        var alerts: [Alert] = []
        var keys = Set<String>()
        let now = clock.now
        for record in records {
            do {
                let scored = try PaymentMessages.scoredTransaction(from: record)
                guard let alert = Alert(scored, createdAt: now), keys.insert(alert.transNum).inserted else { continue }
                alerts.append(alert)
            } catch {
                quarantined.append(PaymentMessages.quarantined(record, error: error))
            }
        }
        for record in quarantined {
            logger.warning("quarantined", metadata: [
                "source": "\(record.source)", "offset": "\(record.position)", "reason": "\(record.reason)",
            ])
        }
        try await store.quarantine(quarantined, from: "alerter", outage: configuration.outage, stop: stop, logger: logger, statistics: nil)
        guard !alerts.isEmpty else { return }
        let outcomes = await deliver(alerts)
        // A duplicate says only that this process delivered (or is delivering) the key already: not stored.
        let deliveries = Dictionary(grouping: outcomes.filter { $0.status != .duplicate }, by: \.key)
        let records = alerts.map { AlertRecord($0, deliveries: deliveries[$0.transNum] ?? []) }
        try await configuration.outage.run("record \(records.count) alerts", stop: stop, logger: logger) { try await store.record(records) }
        // Failures are logged by the dispatcher (with the stage and the reply) and stored with the alert.
        for outcome in outcomes {
            Counter(label: MetricNames.alertDeliveries, dimensions: [("channel", outcome.channel), ("outcome", outcome.status.rawValue)])
                .increment()
        }
    }

    /// Delivers every alert, at most `maxConcurrentDeliveries` at a time; returns every channel's outcome.
    private func deliver(_ alerts: [Alert]) async -> [AlertDeliveryOutcome] {
        let alerter = self.alerter
        let timeout = configuration.deliveryTimeout
        return await withTaskGroup(of: [AlertDeliveryOutcome].self) { group in
            var outcomes: [AlertDeliveryOutcome] = []
            var running = 0
            for alert in alerts {
                if running == configuration.maxConcurrentDeliveries, let finished = await group.next() {
                    outcomes += finished
                    running -= 1
                }
                group.addTask { await Self.send(alert, through: alerter, timeout: timeout) }
                running += 1
            }
            for await finished in group { outcomes += finished }
            return outcomes
        }
    }

    /// One alert on every channel; after `timeout` the delivery is cancelled, which the dispatcher
    /// reports as failed ("cancelled after N attempts").
    private static func send(_ alert: Alert, through alerter: any Alerter, timeout: Duration) async -> [AlertDeliveryOutcome] {
        await withTaskGroup(of: [AlertDeliveryOutcome]?.self) { group in
            group.addTask { await alerter.send(.fraud(alert)) }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return nil
            }
            var outcomes: [AlertDeliveryOutcome] = []
            while let finished = await group.next() {
                group.cancelAll()
                if let finished {
                    outcomes = finished
                    break
                }
            }
            return outcomes
        }
    }
}
