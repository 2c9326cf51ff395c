import FraudCore
import FraudRuntime
import FraudStore
import Logging
import Metrics

/// Consumes `payments.scored` in micro-batches and upserts each batch into the store (idempotent by
/// `trans_num`, so a redelivered batch changes nothing), then commits. The store is synced before the offsets become
/// durable (`OffsetsBarrier`): after a power cut no persisted offset points past rows that were lost.
///
/// Malformed records go to the quarantine with the reason and never stop it; a database outage neither (`OutageRetry`:
/// the batch waits, uncommitted, until the database answers).
package struct WriterWorker: PipelineWorker {
    /// How the writer batches and names its group.
    package struct Configuration: Sendable {
        /// Up to N records or at most T per batch (default 2,000 records, 50 ms).
        package var batch: MicroBatchLoop.Configuration
        /// Consumer group; writers of one group share the partitions.
        package var group: String
        /// How a database outage is waited out.
        package var outage: OutageRetry

        package init(batch: MicroBatchLoop.Configuration = MicroBatchLoop.Configuration(maxRecords: 2_000),
                    group: String = PaymentMessages.writerGroup, outage: OutageRetry = .standard) {
            self.batch = batch
            self.group = group
            self.outage = outage
        }
    }

    package let name = "writer"
    package let bus: any Bus
    package let store: any TransactionWriter
    package let configuration: Configuration
    /// Live figures, when the process reads them back.
    package let statistics: PipelineStatistics?

    package init(bus: any Bus, store: any TransactionWriter, configuration: Configuration = Configuration(), statistics: PipelineStatistics? = nil) {
        self.bus = bus
        self.store = store
        self.configuration = configuration
        self.statistics = statistics
    }

    package func run(stop: StopSignal) async throws {
        try await PaymentTopics.create(on: bus)
        // The store's rows are durable before the offsets that cover them (SQLite syncs lazily: once per offsets write).
        let consumer = try await bus.makeConsumer(group: configuration.group, topics: [PaymentMessages.scoredTopic], barrier: store.sync)
        let loop = MicroBatchLoop(consumer: consumer, configuration: configuration.batch, stop: stop)
        let (outage, logger) = (configuration.outage, Logger(label: "fraud.writer"))
        // Decoding the next batch overlaps the store's write of the previous one.
        try await loop.run(prepare: Self.decode) { (batch: Decoded) in
            try await store.quarantine(batch.quarantined, from: PaymentMessages.scoredTopic, outage: outage, stop: stop, logger: logger,
                                       statistics: statistics)
            guard !batch.scored.isEmpty else { return }
            let new = try await outage.run("store \(batch.scored.count) payments", stop: stop, logger: logger) {
                try await store.write(batch.scored)
            }
            Counter(label: MetricNames.rowsStored).increment(by: new)
            if let statistics {
                let now = WallClock.microseconds
                let latencies = batch.scored.map { payment in
                    let ingested = payment.scoredAt.millisecondsSinceEpoch * 1000 - Int64(payment.latencyMs * 1000)
                    return UInt64(max(0, now - ingested))
                }
                statistics.stored(written: batch.scored.count, new: new, latencies: latencies)
            }
        }
    }

    /// One batch of `payments.scored`, decoded: the payments to store and the records to quarantine.
    struct Decoded: Sendable {
        var scored: [ScoredTransaction] = []
        var quarantined: [QuarantinedRecord] = []
    }

    static func decode(_ records: [BusRecord]) -> Decoded {
        var batch = Decoded()
        batch.scored.reserveCapacity(records.count)
        for record in records {
            do throws(FieldError) {
                batch.scored.append(try PaymentMessages.scoredTransaction(from: record))
            } catch {
                batch.quarantined.append(PaymentMessages.quarantined(record, error: error))
            }
        }
        return batch
    }
}
