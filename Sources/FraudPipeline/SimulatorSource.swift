import FraudCore
import FraudRuntime
import FraudSimulator

/// Streams simulated payments (`PaymentSimulator`) into `payments.raw` at a fixed rate, keyed by `cc_num`,
/// until stopped (or after `limit` payments).
package struct SimulatorSource: PipelineWorker {
    package let name = "simulator"
    package let bus: any Bus
    /// The simulator in its starting state (a fresh one, or one that already produced a training set, to continue it).
    package let simulator: PaymentSimulator
    /// Payments per second.
    package let rate: Double
    /// Stop after this many payments; `nil` = until stopped.
    package let limit: Int?
    /// Counts what was sent.
    package let progress: SourceProgress

    /// - Throws: `ConfigurationError` when `rate` is not positive.
    package init(bus: any Bus, simulator: PaymentSimulator, rate: Double, limit: Int? = nil, progress: SourceProgress = SourceProgress()) throws {
        try RatePacer.check(rate: rate, maxBatch: 1)
        self.bus = bus
        self.simulator = simulator
        self.rate = rate
        self.limit = limit
        self.progress = progress
    }

    package func run(stop: StopSignal) async throws {
        try await PaymentTopics.create(on: bus)
        var generator = simulator
        var pacer = RatePacer(rate: rate, maxBatch: 2_000)
        try await bus.withProducer { producer in
            while !stop.isRequested, !Task.isCancelled {
                let count = min(pacer.batchSize, (limit ?? .max) - pacer.sent)
                guard count > 0 else { break }
                let batch = generator.nextBatch(count: count)
                await pacer.waitForNext(count, stop: stop)
                try await producer.send(batch.map { PaymentMessages.message(for: $0) })
                progress.sent(count)
            }
        }
    }
}
