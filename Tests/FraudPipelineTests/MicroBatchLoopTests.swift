import FraudBus
import FraudCore
import FraudPipeline
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
}
