import FraudCore
import FraudKafka
import FraudPipeline
import FraudRuntime
import FraudTesting
import Testing

@Suite("Pipeline on Kafka (librdkafka mock cluster)")
struct KafkaPipelineTests {
    @Test("replay → two scorers in one group → writer: every payment stored once, both scorers did work")
    func scorersShareTheRawTopic() async throws {
        let cluster = try KafkaMockCluster(brokers: 1)
        let bus = try cluster.bus()
        try await PaymentTopics.create(on: bus)
        let (store, _) = try await PipelineFixtures.store()
        let payments = SimulatedData.transactions(rows: 4_000, seed: 11)
        let csv = try SimulatedData.writeCSV(payments)

        let scorers = [PipelineStatistics(), PipelineStatistics()]
        let writing = PipelineStatistics()
        let configuration = ScorerWorker.Configuration(batch: .init(maxRecords: 200, maxWait: .milliseconds(20)))
        let featureState = try await PipelineFixtures.featureState()
        let workers = WorkerGroup([
            ScorerWorker(bus: bus, store: store, featureState: featureState, models: .fixed(try PipelineFixtures.scorer()), configuration: configuration, statistics: scorers[0]),
            ScorerWorker(bus: bus, store: store, featureState: featureState, models: .fixed(try PipelineFixtures.scorer()), configuration: configuration, statistics: scorers[1]),
            WriterWorker(bus: bus, store: store, statistics: writing),
        ])
        let stop = StopSignal()
        async let running: Void = workers.run(stop: stop)
        // Paced over ~4 s, longer than the group's join, so one scorer cannot take everything before the other joins.
        let source = try CSVReplaySource(path: csv, bus: bus, store: store, rate: 1_000)
        try await source.run(stop: StopSignal())
        #expect(source.progress.sent == payments.count)
        let deadline = ContinuousClock.now + .seconds(90)
        // `stored` counts new rows only: redelivered duplicates after a rebalance must not end the wait early.
        while writing.snapshot.stored < payments.count, ContinuousClock.now < deadline, !stop.isRequested {
            try await Task.sleep(for: .milliseconds(50))
        }
        stop.request()
        try await running

        let stored = try await PipelineFixtures.allStored(store)
        #expect(stored.count == payments.count)
        #expect(Set(stored.map(\.transNum)) == Set(payments.map(\.transNum)))
        let counts = scorers.map(\.snapshot.scored)
        #expect(counts.allSatisfy { $0 > 0 }, "scored per scorer: \(counts)")
        #expect(counts.reduce(0, +) >= payments.count)
        try await store.close()
        withExtendedLifetime(cluster) {}
    }
}
