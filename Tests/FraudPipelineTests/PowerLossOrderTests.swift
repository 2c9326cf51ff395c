import FraudBus
import FraudCore
import FraudPipeline
import FraudRuntime
import FraudStore
import FraudTesting
import Synchronization
import Testing

/// After a power cut nothing acknowledged is lost: the SQLite store syncs lazily (`synchronous = NORMAL`), so every
/// offsets file of the writer must come after a store sync that covered the rows it points past.
@Suite struct PowerLossOrderTests {
    /// What happened, in order: rows written to the store (total so far), store syncs (covering the rows written when
    /// they started) and offsets files of the writer's group (total of their offsets).
    enum Event: Equatable {
        case wrote(rows: Int)
        case synced(rows: Int)
        case offsetsWritten(records: Int64)
    }

    /// The events of one test, from the store's and the bus's threads.
    final class EventLog: Sendable {
        private let events = Mutex<[Event]>([])
        func append(_ event: Event) { events.withLock { $0.append(event) } }
        var all: [Event] { events.withLock { $0 } }
    }

    /// A SQLite store that records its writes and syncs in a shared log.
    final class RecordingStore: ForwardingStore {
        let base: any Store
        let log: EventLog
        private let rows = Mutex(0)

        init(base: any Store, log: EventLog) {
            self.base = base
            self.log = log
        }

        func write(_ batch: [ScoredTransaction]) async throws -> Int {
            let new = try await base.write(batch)
            rows.withLock { rows in
                rows += batch.count
                log.append(.wrote(rows: rows))
            }
            return new
        }

        func sync() throws {
            let covered = rows.withLock { $0 }
            try base.sync()
            log.append(.synced(rows: covered))
        }
    }

    @Test func storeIsSyncedBeforeTheOffsetsThatCoverItsRows() async throws {
        let log = EventLog()
        var configuration = EmbeddedBus.Configuration()
        configuration.offsetPersistence = .interval(.milliseconds(20))
        configuration.offsetsWritten = { group, offsets in
            guard group == PaymentMessages.writerGroup else { return }
            log.append(.offsetsWritten(records: offsets.values.reduce(0, +)))
        }
        let bus = try EmbeddedBus(path: TemporaryDirectory.make("power-loss-bus"), configuration: configuration)
        try await PaymentTopics.create(on: bus, partitions: 4)
        let store = RecordingStore(base: try await SQLiteStore.open(path: TemporaryDirectory.make("power-loss-store") + "/fraud.db"), log: log)
        let payments = StoreFixtures.scored(count: 2_000, seed: 8)
        let producer = try await bus.makeProducer()
        for chunk in stride(from: 0, to: payments.count, by: 250) {
            try await producer.send(payments[chunk..<(chunk + 250)].map { PaymentMessages.message(for: $0) })
        }
        try await producer.close()

        let stop = StopSignal()
        let writer = WriterWorker(bus: bus, store: store, configuration: .init(batch: PipelineFixtures.smallBatches))
        async let running: Void = writer.run(stop: stop)
        try await Eventually.wait("all 2,000 rows stored", patience: .seconds(600)) { try await store.counts().transactions == 2_000 }
        stop.request()
        try await running
        bus.close()
        try await store.close()

        let events = log.all
        let files = events.compactMap { if case .offsetsWritten(let records) = $0 { records } else { nil } }
        #expect(files.count >= 2, "expected several offsets writes, got \(events)")
        #expect(files.last == 2_000)
        var synced = 0
        for event in events {
            switch event {
            case .synced(let rows): synced = max(synced, rows)
            case .offsetsWritten(let records):
                #expect(records <= Int64(synced), "an offsets file covers \(records) records, but only \(synced) rows were synced before it")
            case .wrote: break
            }
        }
    }
}
