import FraudCore
import FraudData
import FraudRuntime
import Metrics

/// Replays a fraudTest-format CSV file (plain or gzip) into `payments.raw`, keyed by `cc_num`, as fast as
/// possible or at a fixed rate. Malformed rows go to the store's quarantine with the reason.
///
/// Returns at the end of the file or on a stop; every sent batch is acknowledged by the bus.
package struct CSVReplaySource: PipelineWorker {
    package let name = "replay"
    /// The CSV file.
    package let path: String
    package let bus: any Bus
    /// Where malformed rows are quarantined.
    package let store: any TransactionWriter
    /// Payments per second; `nil` = as fast as possible.
    package let rate: Double?
    /// Largest batch produced at once (default 2,000).
    package let maxBatch: Int
    /// Counts what was sent, for the caller's report.
    package let progress: SourceProgress

    /// - Throws: `ConfigurationError` when `rate` is not positive or `maxBatch` is below 1.
    package init(path: String, bus: any Bus, store: any TransactionWriter, rate: Double? = nil, maxBatch: Int = 2_000,
                progress: SourceProgress = SourceProgress()) throws {
        try RatePacer.check(rate: rate, maxBatch: maxBatch)
        self.path = path
        self.bus = bus
        self.store = store
        self.rate = rate
        self.maxBatch = maxBatch
        self.progress = progress
    }

    package func run(stop: StopSignal) async throws {
        try await PaymentTopics.create(on: bus)
        try await bus.withProducer { producer in try await replay(into: producer, stop: stop) }
    }

    private func replay(into producer: any BusProducer, stop: StopSignal) async throws {
        var quarantined: [QuarantinedRecord] = []
        let reader = try TransactionCSVReader(path: path) { quarantined.append($0) }
        var pacer = RatePacer(rate: rate, maxBatch: maxBatch)
        var batch: [Transaction] = []
        while !stop.isRequested, !Task.isCancelled {
            batch.removeAll(keepingCapacity: true)
            let more = try reader.readBatch(into: &batch, maxCount: pacer.batchSize)
            if !quarantined.isEmpty {
                try await store.quarantine(quarantined)
                Counter(label: MetricNames.quarantined, dimensions: [("source", "replay")]).increment(by: quarantined.count)
                progress.quarantined(quarantined.count)
                quarantined.removeAll()
            }
            if !batch.isEmpty {
                await pacer.waitForNext(batch.count, stop: stop)
                try await producer.send(batch.map { PaymentMessages.message(for: $0) })
                progress.sent(batch.count)
            }
            progress.done(more ? reader.fractionRead : 1)
            if !more { break }
        }
    }
}
