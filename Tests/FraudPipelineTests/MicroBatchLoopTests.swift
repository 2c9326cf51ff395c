import FraudBus
import FraudCore
import FraudPipeline
import FraudRuntime
import FraudTesting
import Synchronization
import Testing

@Suite("Micro-batch loop")
struct MicroBatchLoopTests {
    static func messages(_ count: Int) -> [BusMessage] {
        (0..<count).map { index in
            BusMessage(topic: "t", key: Array("k\(index % 3)".utf8), value: Array("\(index)".utf8), headers: [])
        }
    }

    @Test func batchesAreBoundedAndCommittedAfterProcessing() async throws {
        let bus = try EmbeddedBus(path: TemporaryDirectory.make("loop"))
        defer { bus.close() }
        try await bus.createTopic("t", partitions: 2)
        try await bus.makeProducer().send(Self.messages(250))

        let stop = StopSignal()
        let seen = Mutex<[Int]>([])
        let loop = MicroBatchLoop(
            consumer: try await bus.makeConsumer(group: "g", topics: ["t"]),
            configuration: .init(maxRecords: 100, maxWait: .milliseconds(10)), stop: stop)
        let processed = try await loop.run { batch in
            #expect(batch.count <= 100)
            let total = seen.withLock { $0.append(batch.count); return $0.reduce(0, +) }
            if total == 250 { stop.request() }
        }
        #expect(processed == 250)

        // Everything was committed: the group has nothing left to read.
        let again = try await bus.makeConsumer(group: "g", topics: ["t"])
        #expect(try await again.poll(maxRecords: 10, timeout: .milliseconds(50)).isEmpty)
        try await again.close()
    }

    @Test func aFailedBatchIsNotCommitted() async throws {
        let bus = try EmbeddedBus(path: TemporaryDirectory.make("loop-fail"))
        defer { bus.close() }
        try await bus.createTopic("t", partitions: 1)
        try await bus.makeProducer().send(Self.messages(5))

        struct Boom: Error {}
        let loop = MicroBatchLoop(
            consumer: try await bus.makeConsumer(group: "g", topics: ["t"]), stop: StopSignal())
        await #expect(throws: Boom.self) { try await loop.run { _ in throw Boom() } }

        let again = try await bus.makeConsumer(group: "g", topics: ["t"])
        #expect(try await again.poll(maxRecords: 10, timeout: .milliseconds(200)).count == 5)
        try await again.close()
    }

    /// A bus whose topic `t` (one partition) holds `count` messages, and a loop over it in group `g`.
    static func loop(_ name: String, messages count: Int, maxRecords: Int = 100) async throws -> (EmbeddedBus, StopSignal, MicroBatchLoop) {
        let bus = try EmbeddedBus(path: TemporaryDirectory.make(name))
        try await bus.createTopic("t", partitions: 1)
        try await bus.makeProducer().send(Self.messages(count))
        let stop = StopSignal()
        let loop = MicroBatchLoop(
            consumer: try await bus.makeConsumer(group: "g", topics: ["t"]),
            configuration: .init(maxRecords: maxRecords, maxWait: .milliseconds(10)), stop: stop)
        return (bus, stop, loop)
    }

    @Test("two stages: the next batch is prepared while the previous one is processed; order kept, all committed")
    func preparedWhileProcessing() async throws {
        let (bus, stop, loop) = try await Self.loop("loop-stages", messages: 250)
        defer { bus.close() }
        let prepared = Mutex<[Int64]>([])
        let processed = Mutex<[Int64]>([])
        let count = try await loop.run(prepare: { (batch: [BusRecord]) -> [Int64] in
            prepared.withLock { $0 += batch.map(\.offset) }
            return batch.map(\.offset)
        }, process: { offsets in
            // Holds this batch until the next one was prepared (or none is left): only an overlapping loop gets past.
            try await Eventually.wait("the next batch prepared while this one is processed", patience: .seconds(30)) {
                prepared.withLock { $0.count == 250 || $0.last! > offsets.last! }
            }
            let total = processed.withLock { $0 += offsets; return $0.count }
            if total == 250 { stop.request() }
        })
        #expect(count == 250)
        #expect(processed.withLock { $0 } == Array(0..<250))
        #expect(try bus.committedOffsets(group: "g", topic: "t") == [250])
    }

    @Test("two stages: a stop finishes the batch in flight and the prepared one, commits both, polls nothing more")
    func stopFinishesBothStages() async throws {
        let (bus, stop, loop) = try await Self.loop("loop-stages-stop", messages: 1_000)
        defer { bus.close() }
        let processed = Mutex(0)
        let count = try await loop.run(prepare: { $0.count }, process: { size in
            // Stop during the second batch's processing: the third is already prepared then, or being polled.
            if processed.withLock({ $0 += size; return $0 }) == 200 { stop.request() }
        })
        #expect(count == processed.withLock { $0 })
        #expect(count >= 200 && count <= 300 && count % 100 == 0, "processed \(count)")
        #expect(try bus.committedOffsets(group: "g", topic: "t") == [Int64(count)])
    }

    @Test("two stages: a failed process commits nothing of its batch")
    func twoStageFailureIsNotCommitted() async throws {
        let (bus, _, loop) = try await Self.loop("loop-stages-fail", messages: 5)
        defer { bus.close() }
        struct Boom: Error {}
        await #expect(throws: Boom.self) { try await loop.run(prepare: { $0 }, process: { _ in throw Boom() }) }
        #expect(try bus.committedOffsets(group: "g", topic: "t") == [0])
    }
}
