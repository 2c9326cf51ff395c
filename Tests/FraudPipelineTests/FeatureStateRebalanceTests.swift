import Foundation
import FraudCore
import FraudKafka
import FraudPipeline
import FraudRuntime
import FraudStore
import FraudTesting
import Testing

/// Issue 13's guarantee on Kafka: partitions move between scorers with their cards' state, so a second scorer joining
/// mid-stream and the first one leaving change no score.
@Suite("Feature state on Kafka: scores identical when scorers join and leave", .serialized)
struct FeatureStateRebalanceTests {
    @Test("(d) one scorer, a second joining mid-stream, then the first leaving: every score equals the uninterrupted run's")
    func joinThenLeave() async throws {
        let reference = try await FeatureStateIdentityTests.referenceRun.value
        let payments = FeatureStateIdentityTests.payments
        let cluster = try KafkaMockCluster(brokers: 1)
        let bus = try cluster.bus()
        try await PaymentTopics.create(on: bus)
        let (store, databaseURL) = try await PipelineFixtures.store()
        let (featureState, removeFeatureState) = try await Self.sharedFeatureState()

        func scorer(_ statistics: PipelineStatistics) throws -> ScorerWorker {
            ScorerWorker(bus: bus, store: store, featureState: featureState, models: .fixed(try PipelineFixtures.scorer()),
                         configuration: ScorerWorker.Configuration(batch: .init(maxRecords: 100, maxWait: .milliseconds(10)),
                                                                   checkpointInterval: .milliseconds(50)),
                         statistics: statistics)
        }
        let first = PipelineStatistics(), second = PipelineStatistics(), writing = PipelineStatistics()
        let stopFirst = StopSignal(), stopSecond = StopSignal(), stopWriter = StopSignal()
        async let firstRun: Void = scorer(first).run(stop: stopFirst)
        async let writerRun: Void = WriterWorker(bus: bus, store: store, statistics: writing).run(stop: stopWriter)

        // A third of the payments with the first scorer alone.
        let third = payments.count / 3
        try await PipelineFixtures.produce(payments[..<third], on: bus)
        try await Self.waitUntil("the first third is stored") { writing.snapshot.stored >= third }

        // The second scorer joins; payments trickle in until it has scored some (its partitions moved to it).
        async let secondRun: Void = scorer(second).run(stop: stopSecond)
        var sent = third
        // (5 payments every 50 ms: the group's rebalance has ~20 s before the trickle runs out.)
        while second.snapshot.scored == 0, sent < 2 * third {
            try await PipelineFixtures.produce(payments[sent..<sent + 5], on: bus)
            sent += 5
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(second.snapshot.scored > 0, "the second scorer got no partition while \(sent - third) payments trickled in")
        try await Self.waitUntil("what was sent is stored") { writing.snapshot.stored >= sent }

        // The first scorer leaves; the rest goes to the second alone.
        let scoredByFirst = first.snapshot.scored
        stopFirst.request()
        try await firstRun
        try await PipelineFixtures.produce(payments[sent...], on: bus)
        try await Self.waitUntil("every payment is stored") { writing.snapshot.stored >= payments.count }
        stopSecond.request()
        stopWriter.request()
        try await secondRun
        try await writerRun
        #expect(first.snapshot.scored == scoredByFirst)

        try await featureState.close()
        try await store.close()
        try await removeFeatureState()
        try FeatureStateIdentityTests.expectIdentical(try await FeatureStateIdentityTests.scores(databaseURL), reference)
        withExtendedLifetime(cluster) {}
    }

    /// The state every scorer process reaches: a new PostgreSQL schema on `FRAUD_TEST_POSTGRES_URL` (as in production),
    /// else a SQLite file shared by both scorers of this process.
    static func sharedFeatureState() async throws -> (any FeatureStateStore, @Sendable () async throws -> Void) {
        guard let text = ProcessInfo.processInfo.environment["FRAUD_TEST_POSTGRES_URL"], !text.isEmpty else {
            print("FeatureStateRebalanceTests: FRAUD_TEST_POSTGRES_URL is not set, the shared feature state is a SQLite file")
            return (try await PipelineFixtures.featureState(), {})
        }
        let url = try PostgresTesting.throwawaySchema(text, prefix: "fraud_state")
        return (try await PostgresFeatureStateStore.connect(url), { try await PostgresTesting.dropSchema(url) })
    }

    /// Waits for `condition`, polling, for at most 120 s (a deadline against hangs, not a timing assumption).
    static func waitUntil(_ what: String, _ condition: () -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(120)
        while !condition() {
            try #require(ContinuousClock.now < deadline, "timed out waiting until \(what)")
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}
