import FraudBus
import FraudCore
import FraudPipeline
import FraudRuntime
import FraudTesting
import Synchronization
import Testing

@Suite("Backpressure and graceful shutdown")
struct BackpressureAndShutdownTests {
    @Test("a slow writer holds the scorer back: the scored topic's lead stays within its bound")
    func slowWriterSlowsTheScorer() async throws {
        let bus = try await PipelineFixtures.bus()
        defer { bus.close() }
        let (base, _) = try await PipelineFixtures.store()
        let store = SlowStore(base: base, delay: .milliseconds(15))
        let payments = try await PipelineFixtures.produce(6_000, seed: 6, on: bus)
        let maxLead: Int64 = 400
        let scorerBatch = 100
        let pipeline = EmbeddedPipeline(
            bus: bus, store: store, featureState: try await PipelineFixtures.featureState(bus), models: .fixed(try PipelineFixtures.scorer()),
            scorer: ScorerWorker.Configuration(batch: .init(maxRecords: scorerBatch, maxWait: .milliseconds(10))),
            writer: WriterWorker.Configuration(batch: .init(maxRecords: 100, maxWait: .milliseconds(10))),
            maxLead: maxLead)
        let stop = StopSignal()
        let largestLead = Mutex<Int64>(0)
        let sampling = StopSignal()
        async let sampler: Void = {
            while !sampling.isRequested {
                let lead = (try? bus.lag(group: PaymentMessages.writerGroup, topic: PaymentMessages.scoredTopic)) ?? 0
                largestLead.withLock { $0 = max($0, lead) }
                try? await Task.sleep(for: .milliseconds(1))
            }
        }()
        async let running: Void = pipeline.workers().run(stop: stop)
        #expect(try await pipeline.waitUntilStored(stop: stop))
        sampling.request()
        stop.request()
        try await running
        await sampler

        #expect(try await base.counts().transactions == payments.count)
        let largest = largestLead.withLock { $0 }
        // Unbounded, the scorer would run thousands of records ahead of a writer storing ~100 per 15 ms.
        #expect(largest <= maxLead + Int64(scorerBatch), "lead reached \(largest)")
        #expect(largest > 0)
        try await store.close()
    }

    @Test("a stop during a batch lets it finish and commit: nothing stored is re-read, nothing read is lost")
    func stopFinishesTheBatchInFlight() async throws {
        let bus = try await PipelineFixtures.bus()
        defer { bus.close() }
        let (base, _) = try await PipelineFixtures.store()
        let store = SlowStore(base: base, delay: .zero)
        try await PipelineFixtures.produce(2_000, seed: 7, on: bus)
        store.hold()
        let pipeline = EmbeddedPipeline(
            bus: bus, store: store, featureState: try await PipelineFixtures.featureState(bus), models: .fixed(try PipelineFixtures.scorer()),
            scorer: ScorerWorker.Configuration(batch: PipelineFixtures.smallBatches),
            writer: WriterWorker.Configuration(batch: PipelineFixtures.smallBatches))
        let stop = StopSignal()
        async let running: Void = pipeline.workers().run(stop: stop)
        // Wait until the writer is inside a write, then stop and let the write go on.
        while store.writesEntered == 0 { await Task.yield() }
        stop.request()
        store.release()
        try await running

        let stored = try await base.counts().transactions
        #expect(stored > 0)
        // The writer committed exactly what it stored: its lead over the scored topic is what was never stored.
        let scoredEnd = try bus.endOffsets(topic: PaymentMessages.scoredTopic).reduce(0, +)
        let writerCommitted = try bus.committedOffsets(group: PaymentMessages.writerGroup, topic: PaymentMessages.scoredTopic).reduce(0, +)
        #expect(writerCommitted == Int64(stored))
        // The scorer committed exactly what it published.
        let scorerCommitted = try bus.committedOffsets(group: PaymentMessages.scorerGroup, topic: PaymentMessages.rawTopic).reduce(0, +)
        #expect(scorerCommitted == scoredEnd)
        try await store.close()
    }
}
