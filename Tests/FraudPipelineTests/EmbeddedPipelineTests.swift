import FraudBus
import FraudCore
import FraudPipeline
import FraudRuntime
import FraudStore
import FraudTesting
import Testing

@Suite("Embedded pipeline: replay, scorer, writer")
struct EmbeddedPipelineTests {
    @Test("replay → scorer → writer stores every row once, with decision, reasons and latency")
    func replayStoresEveryRow() async throws {
        let payments = SimulatedData.transactions(rows: 3_000, seed: 3)
        let csv = try SimulatedData.writeCSV(payments)
        let bus = try await PipelineFixtures.bus()
        defer { bus.close() }
        let (store, _) = try await PipelineFixtures.store()
        let pipeline = EmbeddedPipeline(
            bus: bus, store: store, featureState: try await PipelineFixtures.featureState(bus), models: .fixed(try PipelineFixtures.scorer()),
            scorer: ScorerWorker.Configuration(batch: PipelineFixtures.smallBatches),
            writer: WriterWorker.Configuration(batch: PipelineFixtures.smallBatches))
        let progress = SourceProgress()
        let source = try CSVReplaySource(path: csv, bus: bus, store: store, progress: progress)
        let complete = try await pipeline.runUntilStored(source: source, stop: StopSignal())

        #expect(complete)
        #expect(progress.sent == payments.count)
        let stored = try await PipelineFixtures.allStored(store)
        #expect(stored.count == payments.count)
        #expect(Set(stored.map(\.transNum)) == Set(payments.map(\.transNum)))
        #expect(stored.allSatisfy { $0.scored.modelVersion == "fixture" && $0.scored.latencyMs >= 0 })
        let flagged = stored.filter(\.scored.prediction)
        #expect(!flagged.isEmpty, "the fixture model flags no payment: the reasons check would prove nothing")
        #expect(flagged.allSatisfy { !$0.scored.reasons.isEmpty })
        #expect(stored.filter { !$0.scored.prediction }.allSatisfy { $0.scored.reasons.isEmpty })
        let figures = pipeline.statistics.snapshot
        #expect(figures.scored == payments.count && figures.stored == payments.count && figures.frauds == flagged.count)
        try await store.close()
    }

    @Test("a malformed record is quarantined with its reason and the scorer goes on")
    func malformedRecordsAreQuarantined() async throws {
        let bus = try await PipelineFixtures.bus(partitions: 1)
        defer { bus.close() }
        let (store, _) = try await PipelineFixtures.store()
        let producer = try await bus.makeProducer()
        let good = SimulatedData.transactions(rows: 50, seed: 4)
        var messages = good.prefix(20).map { PaymentMessages.message(for: $0) }
        messages.append(BusMessage(topic: PaymentMessages.rawTopic, key: Array("1".utf8), value: Array("{\"cc_num\": \"oops\"".utf8)))
        messages.append(BusMessage(topic: PaymentMessages.rawTopic, key: Array("1".utf8), value: good[20].jsonBytes,
                                   headers: [BusHeader(name: PaymentMessages.schemaVersionHeader, text: "99")]))
        messages += good.dropFirst(21).map { PaymentMessages.message(for: $0) }
        try await producer.send(messages)
        try await producer.close()

        let pipeline = EmbeddedPipeline(bus: bus, store: store, featureState: try await PipelineFixtures.featureState(bus), models: .fixed(try PipelineFixtures.scorer()),
                                        scorer: ScorerWorker.Configuration(batch: PipelineFixtures.smallBatches))
        let stop = StopSignal()
        async let running: Void = pipeline.workers().run(stop: stop)
        #expect(try await pipeline.waitUntilStored(stop: stop))
        stop.request()
        try await running

        #expect(try await store.counts().transactions == good.count - 1)
        let quarantined = try await store.quarantined(limit: 10)
        #expect(quarantined.count == 2)
        #expect(quarantined.allSatisfy { $0.source == "payments.raw[0]" })
        #expect(Set(quarantined.compactMap(\.field)).contains("schema-version"))
        try await store.close()
    }

    @Test("the simulator source sends its payments at a rate into the pipeline")
    func simulatorSource() async throws {
        let bus = try await PipelineFixtures.bus()
        defer { bus.close() }
        let (store, _) = try await PipelineFixtures.store()
        let pipeline = EmbeddedPipeline(bus: bus, store: store, featureState: try await PipelineFixtures.featureState(bus), models: .fixed(try PipelineFixtures.scorer()))
        let source = try SimulatorSource(bus: bus, simulator: SimulatedData.simulator(seed: 5), rate: 20_000, limit: 1_500)
        #expect(try await pipeline.runUntilStored(source: source, stop: StopSignal()))
        #expect(try await store.counts().transactions == 1_500)
        #expect(source.progress.sent == 1_500)
        try await store.close()
    }
}
