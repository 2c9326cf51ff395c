import FraudCore

/// Consumes topics in micro-batches: polls up to `maxRecords` records or waits at most `maxWait`,
/// hands the batch to the worker, then commits its offsets (at-least-once: a batch is committed only
/// after `process` returned; a crash before that re-delivers it).
///
/// Stops between batches when its `StopSignal` is raised or its task is cancelled, so the batch in
/// flight is finished and committed; then leaves the consumer group. A stop that finds the worker waiting out a
/// database outage (`StoppedDuringOutage`) ends the loop at once, without committing that batch: it is re-delivered.
package struct MicroBatchLoop: Sendable {
    /// How records are grouped into batches.
    package struct Configuration: Hashable, Sendable {
        /// Largest batch handed to the worker (default 1,000).
        package var maxRecords: Int
        /// Longest wait for a first record of a batch (default 50 ms).
        package var maxWait: Duration

        package init(maxRecords: Int = 1_000, maxWait: Duration = .milliseconds(50)) {
            self.maxRecords = maxRecords
            self.maxWait = maxWait
        }
    }

    package let consumer: any BusConsumer
    package let configuration: Configuration
    package let stop: StopSignal

    package init(consumer: any BusConsumer, configuration: Configuration = Configuration(), stop: StopSignal) {
        self.consumer = consumer
        self.configuration = configuration
        self.stop = stop
    }

    /// Runs until stopped: poll, `process`, commit. An error thrown by `process` ends the loop without
    /// committing that batch (it is re-delivered); the consumer is closed in every case.
    /// - Returns: how many records were processed and committed.
    @discardableResult
    package func run(_ process: @Sendable ([BusRecord]) async throws -> Void) async throws -> Int {
        try await closingConsumer {
            var processed = 0
            while running {
                let batch = try await poll()
                guard !batch.isEmpty else { continue }
                do {
                    try await process(batch)
                } catch is StoppedDuringOutage {
                    break
                }
                try await consumer.commit(through: batch)
                processed += batch.count
            }
            return processed
        }
    }

    /// Runs until stopped, in two overlapping stages: while `process` handles batch N (I/O, e.g. a store write),
    /// the next batch is polled and `prepare`d (CPU, e.g. decoding) at the same time; batch N is committed once
    /// its `process` returned, before batch N+1 is processed. Batches are prepared and processed in poll order.
    ///
    /// A stop lets the batch being processed and an already prepared one finish and be committed; nothing is polled
    /// after it. An error thrown by either stage ends the loop without committing the batches it had not finished.
    /// - Returns: how many records were processed and committed.
    @discardableResult
    package func run<Prepared: Sendable>(
        prepare: ([BusRecord]) -> Prepared, process: @escaping @Sendable (Prepared) async throws -> Void
    ) async throws -> Int {
        try await closingConsumer {
            var processed = 0
            var pending: (records: [BusRecord], prepared: Prepared)?
            while true {
                guard let current = pending else {
                    guard running else { break }
                    let batch = try await poll()
                    if !batch.isEmpty { pending = (batch, prepare(batch)) }
                    continue
                }
                async let written: Void = process(current.prepared)
                var next: (records: [BusRecord], prepared: Prepared)?
                if running {
                    let batch = try await poll()
                    if !batch.isEmpty { next = (batch, prepare(batch)) }
                }
                do {
                    try await written
                } catch is StoppedDuringOutage {
                    break
                }
                try await consumer.commit(through: current.records)
                processed += current.records.count
                pending = next
            }
            return processed
        }
    }

    /// Whether to go on polling: no stop requested and the task not cancelled.
    private var running: Bool { !stop.isRequested && !Task.isCancelled }

    /// The next batch: up to `maxRecords` records, or what arrived within `maxWait`.
    private func poll() async throws -> [BusRecord] {
        try await consumer.poll(maxRecords: configuration.maxRecords, timeout: configuration.maxWait)
    }

    /// Runs `loop` and closes the consumer after it, also when it throws; returns what `loop` returned.
    private func closingConsumer(_ loop: () async throws -> Int) async throws -> Int {
        try await withCleanup(loop) { try await consumer.close() }
    }
}
