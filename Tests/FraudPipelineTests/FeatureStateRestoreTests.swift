import Foundation
import FraudBus
import FraudCore
import FraudPipeline
import FraudRuntime
import FraudStore
import FraudTesting
import Testing

/// Restoring the feature state when its checkpoint is damaged, missing, or behind a log that lost records: a clear
/// error, or a documented rebuild or cold start that is counted — never a silently wrong state.
@Suite("Feature state restore: damaged, missing and outrun checkpoints", .serialized)
struct FeatureStateRestoreTests {
    static let payments = FeatureStateIdentityTests.payments

    @Test("a damaged card state stops the scorer with an error naming the partition and the masked card")
    func damagedCheckpoint() async throws {
        let setup = try PipelineCrashTests.Setup()
        try await FeatureStateIdentityTests.drain(setup, Self.payments.prefix(1_000))
        let bus = try EmbeddedBus(path: setup.busPath)
        defer { bus.close() }
        let featureState = try await PipelineFixtures.featureState(bus)
        let scope = FeatureStateScope(group: PaymentMessages.scorerGroup, topic: PaymentMessages.rawTopic)
        let claim = try await featureState.claim(scope, partition: 0)
        let checkpoint = try #require(claim.checkpoint)
        let card = try #require(checkpoint.cards.first)
        var damaged = card.state
        damaged.removeLast(3)
        let refused = try await featureState.write(scope, [PartitionDelta(
            partition: 0, epoch: claim.epoch, nextOffset: checkpoint.nextOffset, cards: [CardStateRecord(ccNum: card.ccNum, state: damaged)])])
        #expect(refused.isEmpty)

        let store = try await StoreFactory.open(setup.databaseURL)
        let scorer = ScorerWorker(bus: bus, store: store, featureState: featureState, models: .fixed(try PipelineFixtures.scorer()))
        let error = await #expect(throws: FeatureStateError.self) { try await scorer.run(stop: StopSignal()) }
        #expect(error?.kind == .damaged)
        let message = error?.message ?? ""
        #expect(message.contains("partition 0") && message.contains(CardNumberMask.masked(card.ccNum)), "\(message)")
        #expect(!message.contains(String(card.ccNum)), "the message shows the full card number: \(message)")
        try await featureState.close()
        try await store.close()
    }

    @Test("a deleted checkpoint is rebuilt from the start of the log: every score equals the uninterrupted run's")
    func missingCheckpointRebuilds() async throws {
        let reference = try await FeatureStateIdentityTests.referenceRun.value
        let setup = try PipelineCrashTests.Setup()
        let half = Self.payments.count / 2
        try await FeatureStateIdentityTests.drain(setup, Self.payments[..<half])
        try FileManager.default.removeItem(atPath: setup.busPath + "/" + FeatureStateLocation.embeddedFile)
        try await FeatureStateIdentityTests.drain(setup, Self.payments[half...])
        try FeatureStateIdentityTests.expectIdentical(try await FeatureStateIdentityTests.scores(setup.databaseURL), reference)
    }

    @Test("records deleted by retention before any checkpoint: a cold start, counted per missing record")
    func retentionOutrunsTheState() async throws {
        var configuration = EmbeddedBus.Configuration()
        configuration.segmentBytes = 16 << 10
        configuration.retentionBytes = 64 << 10
        let directory = TemporaryDirectory.make("retention-bus")
        let bus = try EmbeddedBus(path: directory, configuration: configuration)
        defer { bus.close() }
        try await PaymentTopics.create(on: bus, partitions: 1)
        // Many small appends: the log rolls segments (and applies retention) between appends.
        for start in stride(from: 0, to: 2_000, by: 50) { try await PipelineFixtures.produce(Self.payments[start..<start + 50], on: bus) }
        let logStart = try #require(try bus.startOffsets(topic: PaymentMessages.rawTopic).first)
        try #require(logStart > 0, "retention deleted nothing: the test would prove nothing")

        let (store, _) = try await PipelineFixtures.store()
        let featureState = try await PipelineFixtures.featureState(bus)
        let pipeline = EmbeddedPipeline(bus: bus, store: store, featureState: featureState, models: .fixed(try PipelineFixtures.scorer()))
        let stop = StopSignal()
        async let running: Void = pipeline.workers().run(stop: stop)
        #expect(try await pipeline.waitUntilStored(stop: stop))
        stop.request()
        try await running
        #expect(pipeline.statistics.snapshot.featureStateMissingRecords == logStart)
        #expect(pipeline.statistics.snapshot.scored == 2_000 - Int(logStart))
        try await featureState.close()
        try await store.close()
    }
}
