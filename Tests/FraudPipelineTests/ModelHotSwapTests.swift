import FraudBus
import FraudCore
import FraudModel
import FraudPipeline
import FraudRuntime
import FraudStore
import FraudTesting
import Testing

@Suite("Model hot swap")
struct ModelHotSwapTests {
    @Test("the scorer serves the champion and switches when it moves, between batches, losing nothing")
    func championMoves() async throws {
        let bus = try await PipelineFixtures.bus()
        defer { bus.close() }
        let (store, _) = try await PipelineFixtures.store()
        let registry = try PipelineFixtures.registry(store)
        let first = try await registry.importArtifact(from: try PipelineFixtures.artifactDirectory())
        let second = try await registry.importArtifact(from: try PipelineFixtures.artifactDirectory())
        _ = try await registry.promote(version: first.version, force: true, by: "test", reason: "first")

        let pipeline = EmbeddedPipeline(bus: bus, store: store, featureState: try await PipelineFixtures.featureState(bus), models: .champion(registry.store, checkEvery: .zero),
                                        scorer: ScorerWorker.Configuration(batch: PipelineFixtures.smallBatches))
        let stop = StopSignal()
        async let running: Void = pipeline.workers().run(stop: stop)
        let before = try await PipelineFixtures.produce(700, seed: 8, on: bus)
        #expect(try await pipeline.waitUntilStored(stop: stop))
        _ = try await registry.promote(version: second.version, force: true, by: "test", reason: "second")
        let after = try await PipelineFixtures.produce(700, seed: 9, on: bus)
        #expect(try await pipeline.waitUntilStored(stop: stop))
        stop.request()
        try await running

        let stored = try await PipelineFixtures.allStored(store)
        let versions = Dictionary(stored.map { ($0.transNum, $0.scored.modelVersion) }, uniquingKeysWith: { first, _ in first })
        #expect(stored.count == before.count + after.count)
        #expect(before.allSatisfy { versions[$0.transNum] == first.version })
        #expect(after.allSatisfy { versions[$0.transNum] == second.version })
        try await store.close()
    }

    @Test("with no champion and no model the scorer refuses to start, naming what to do")
    func noChampion() async throws {
        let bus = try await PipelineFixtures.bus()
        defer { bus.close() }
        let (store, _) = try await PipelineFixtures.store()
        let registry = try PipelineFixtures.registry(store)
        let scorer = ScorerWorker(bus: bus, store: store, featureState: try await PipelineFixtures.featureState(bus), models: .champion(registry.store, checkEvery: .seconds(1)))
        await #expect(throws: NoChampionError.self) { try await scorer.run(stop: StopSignal()) }
        try await store.close()
    }
}
