import AsyncHTTPClient
import FraudAlerting
import FraudCore
import FraudRuntime
import Logging
import Metrics

/// Polls a "current transactions" API (DESIGN.md §4) and produces the new payments into `payments.raw`.
///
/// Each call's body (a JSON string holding pandas split-form JSON) is decoded by
/// `CurrentTransactionsFormat`: `current_time` (ms) becomes the event time, `is_fraud` stays the
/// payment's source label. Payments whose `trans_num` was already produced (the last
/// `deduplicationCapacity` of them) are dropped. A malformed body or row is quarantined with the reason
/// and polling goes on. Calls are spaced by `interval`; HTTP 429 waits the server's `Retry-After`;
/// network errors, timeouts and other statuses back off exponentially with jitter (`PollSchedule`).
package struct PollerSource: Sendable {
    package let configuration: Configuration
    let bus: any Bus
    let store: any TransactionWriter
    let client: HTTPClient
    let clock: any AlertClock
    let seed: UInt64
    let logger: Logger

    /// A poller producing into `bus` and quarantining into `store`.
    /// - Parameters:
    ///   - client: the HTTP client (the process-wide shared one by default).
    ///   - clock: wall-clock time and waiting; tests inject one that records the waits.
    ///   - seed: seed of the backoff jitter; `nil` draws one from the system.
    package init(
        configuration: Configuration, bus: any Bus, store: any TransactionWriter, client: HTTPClient = .shared,
        clock: any AlertClock = SystemAlertClock(), seed: UInt64? = nil, logger: Logger = Logger(label: "fraud.poller")
    ) {
        self.configuration = configuration
        self.bus = bus
        self.store = store
        self.client = client
        self.clock = clock
        var generator = SystemRandomNumberGenerator()
        self.seed = seed ?? generator.next()
        self.logger = logger
    }

    /// Polls until `stop` is requested or the task is cancelled (a wait in progress ends at once).
    /// - Throws: when the bus cannot be opened or refuses a send; API failures never end the loop.
    package func run(stop: StopSignal) async throws {
        try await bus.createTopic(configuration.topic, partitions: configuration.partitions)
        let producer = try await bus.makeProducer()
        var schedule = PollSchedule(interval: configuration.interval, backoff: configuration.backoff, seed: seed)
        var produced = RecentKeys(capacity: configuration.deduplicationCapacity)
        logger.info("polling", metadata: ["url": "\(configuration.redactedURL)", "interval": "\(configuration.interval)"])
        try await withCleanup {
            while !stop.isRequested, !Task.isCancelled {
                let outcome = try await poll(producer, produced: &produced)
                await pause(for: schedule.delay(after: outcome), stop: stop)
            }
        } cleanup: {
            try await producer.close()
        }
    }

    /// One call: fetch, decode, quarantine what is malformed, produce what is new.
    private func poll(_ producer: any BusProducer, produced: inout RecentKeys) async throws -> PollSchedule.Outcome {
        switch await fetch() {
        case .failed(let reason):
            count(call: "failed")
            logger.warning("poll failed", metadata: ["url": "\(configuration.redactedURL)", "reason": "\(reason)"])
            return .failed
        case .rateLimited(let retryAfter):
            count(call: "rate_limited")
            logger.notice("rate limited by the API", metadata: ["retry_after": "\(retryAfter.map { "\($0)" } ?? "none")"])
            return .rateLimited(retryAfter: retryAfter)
        case .body(let body):
            let receivedAt = clock.now
            let batch: CurrentTransactionsFormat.Batch
            do {
                batch = try CurrentTransactionsFormat.decode(body, source: configuration.redactedURL)
            } catch {
                count(call: "malformed")
                await quarantine([PollerQuarantine.body(body, error: error, source: configuration.redactedURL, receivedAt: receivedAt)])
                return .answered
            }
            count(call: "answered")
            await quarantine(batch.quarantined.map { PollerQuarantine.row($0, receivedAt: receivedAt) })
            var fresh: [Transaction] = []
            var inThisCall = Set<String>()
            for payment in batch.transactions where !produced.contains(payment.transNum) && inThisCall.insert(payment.transNum).inserted {
                fresh.append(payment)
            }
            if !fresh.isEmpty { try await producer.send(fresh.map { PaymentMessages.message(for: $0) }) }
            // Remembered only once the bus acknowledged them: a failed send is polled again, not lost.
            for payment in fresh { produced.insert(payment.transNum) }
            Counter(label: MetricNames.polledPayments, dimensions: [("outcome", "new")]).increment(by: fresh.count)
            Counter(label: MetricNames.polledPayments, dimensions: [("outcome", "duplicate")])
                .increment(by: batch.transactions.count - fresh.count)
            logger.info("polled", metadata: [
                "new": "\(fresh.count)", "duplicates": "\(batch.transactions.count - fresh.count)",
                "quarantined": "\(batch.quarantined.count)",
            ])
            return .answered
        }
    }

    /// Keeps records in the store; a store failure is logged and polling goes on (the API is polled again anyway).
    private func quarantine(_ records: [QuarantinedRecord]) async {
        guard !records.isEmpty else { return }
        Counter(label: MetricNames.quarantined, dimensions: [("source", "poller")]).increment(by: records.count)
        for record in records {
            logger.warning("quarantined", metadata: ["position": "\(record.position)", "reason": "\(record.reason)"])
        }
        do {
            try await store.quarantine(records)
        } catch {
            logger.error("could not quarantine \(records.count) record(s)", metadata: ["error": "\(error)"])
        }
    }

    private func count(call outcome: String) {
        Counter(label: MetricNames.pollerCalls, dimensions: [("outcome", outcome)]).increment()
    }

    /// Waits `wait` on the clock, returning early when a stop is requested or the task is cancelled.
    private func pause(for wait: Duration, stop: StopSignal) async {
        guard wait > .zero, !stop.isRequested else { return }
        let clock = self.clock
        let deadline = EventTime(millisecondsSinceEpoch: clock.now.millisecondsSinceEpoch + wait.milliseconds)
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await clock.sleep(until: deadline) }
            group.addTask { await stop.sleep(for: wait + .seconds(1)) }
            await group.next()
            group.cancelAll()
        }
    }
}
