import FraudBus
import FraudCore
import FraudPipeline
import FraudRuntime
import FraudTesting
import Testing

/// A stop drains: what the source sent is scored and stored before the run ends, at most the drain timeout.
@Suite("Embedded pipeline: draining at a stop")
struct EmbeddedPipelineDrainTests {
    /// A pipeline whose writer writes through a `SlowStore`, and a simulator source at a rate.
    static func pipeline(_ bus: EmbeddedBus, delay: Duration) async throws -> (EmbeddedPipeline, SlowStore, SimulatorSource) {
        let (base, _) = try await PipelineFixtures.store()
        let store = SlowStore(base: base, delay: delay)
        let pipeline = EmbeddedPipeline(
            bus: bus, store: store, featureState: try await PipelineFixtures.featureState(bus), models: .fixed(try PipelineFixtures.scorer()),
            scorer: ScorerWorker.Configuration(batch: PipelineFixtures.smallBatches),
            writer: WriterWorker.Configuration(batch: PipelineFixtures.smallBatches))
        return (pipeline, store, try SimulatorSource(bus: bus, simulator: SimulatedData.simulator(seed: 9), rate: 5_000))
    }

    @Test("a stop with a backlog (writes held): every payment sent is stored before the run ends")
    func stopDrains() async throws {
        let bus = try await PipelineFixtures.bus()
        defer { bus.close() }
        let (pipeline, store, source) = try await Self.pipeline(bus, delay: .zero)
        let stop = StopSignal()
        let run = Task { try await pipeline.run(source: source, stop: stop, drainTimeout: .seconds(600)) }
        try await Eventually.wait("payments stored") { pipeline.statistics.snapshot.stored >= 200 }
        store.hold()
        try await Eventually.wait("a backlog behind the held writer") { source.progress.sent >= pipeline.statistics.snapshot.stored + 1_000 }
        stop.request()
        store.release()
        let outcome = try await run.value

        #expect(outcome.drained && !outcome.sourceFinished && !outcome.complete)
        #expect(pipeline.statistics.snapshot.stored == source.progress.sent)
        #expect(try await store.counts().transactions == source.progress.sent)
        try await store.base.close()
    }

    @Test("the drain timeout: the run ends with payments not yet stored and says so")
    func drainTimeout() async throws {
        let bus = try await PipelineFixtures.bus()
        defer { bus.close() }
        // Writes of 100 records take 300 ms each: a backlog of 10,000 needs 30 s, the timeout is zero (the margin is
        // for a machine so busy that stopping takes long, not a wait that must be long enough).
        let (pipeline, store, source) = try await Self.pipeline(bus, delay: .milliseconds(300))
        let stop = StopSignal()
        let run = Task { try await pipeline.run(source: source, stop: stop, drainTimeout: .zero) }
        try await Eventually.wait("a backlog behind the slow writer") { source.progress.sent >= pipeline.statistics.snapshot.stored + 10_000 }
        stop.request()
        let outcome = try await run.value

        #expect(!outcome.drained && !outcome.complete)
        #expect(pipeline.statistics.snapshot.stored < source.progress.sent)
        try await store.base.close()
    }

    @Test("waitUntilStored returns false once its deadline passed with records not stored")
    func waitUntilStoredDeadline() async throws {
        let bus = try await PipelineFixtures.bus()
        defer { bus.close() }
        let (pipeline, store, _) = try await Self.pipeline(bus, delay: .zero)
        store.hold()
        _ = try await PipelineFixtures.produce(300, seed: 8, on: bus)
        let stop = StopSignal()
        async let running: Void = pipeline.workers().run(stop: stop)
        #expect(try await !pipeline.waitUntilStored(stop: StopSignal(), deadline: .now))
        store.release()
        #expect(try await pipeline.waitUntilStored(stop: StopSignal()))
        stop.request()
        try await running
        try await store.base.close()
    }
}
