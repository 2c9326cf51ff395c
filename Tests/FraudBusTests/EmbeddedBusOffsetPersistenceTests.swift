import Foundation
import FraudBus
import FraudCore
import FraudTesting
import Testing

@Suite("Embedded bus: offsets persisted in the background, scored topic flushed with them")
struct EmbeddedBusOffsetPersistenceTests {
    /// A bus with `persistence`, `topic` (2 partitions) holding `count` records, and a consumer of group `g` that read them all.
    static func consumed(
        _ name: String, persistence: EmbeddedBus.OffsetPersistence, topic: String = "events", count: Int = 20
    ) async throws -> (path: String, bus: EmbeddedBus, consumer: any BusConsumer, records: [BusRecord]) {
        let path = temporaryDirectory(name)
        var configuration = EmbeddedBus.Configuration()
        configuration.offsetPersistence = persistence
        let bus = try EmbeddedBus(path: path, configuration: configuration)
        try await bus.createTopic(topic, partitions: 2)
        let producer = try await bus.makeProducer()
        try await producer.send((0..<count).map { BusMessage(topic: topic, key: Array("k\($0)".utf8), value: Array("v\($0)".utf8)) })
        let consumer = try await bus.makeConsumer(group: "g", topics: [topic])
        let records = try await BusDrain.collect(consumer, count: count, patience: .seconds(10))
        return (path, bus, consumer, records)
    }

    /// The offsets file of group `g`, as "topic partition offset" lines.
    static func offsetsFile(_ path: String) -> String {
        (try? String(contentsOfFile: path + "/groups/g.offsets", encoding: .utf8)) ?? ""
    }

    static func lines(_ offsets: [TopicPartition: Int64]) -> String {
        offsets.sorted { $0.key < $1.key }.map { "\($0.key.topic)\t\($0.key.partition)\t\($0.value)\n" }.joined()
    }

    @Test("a commit counts at once in the process and reaches the offsets file within the interval, without a close")
    func backgroundPersist() async throws {
        let (path, bus, consumer, records) = try await Self.consumed("background", persistence: .interval(.milliseconds(20)))
        defer { bus.close() }
        let offsets = type(of: consumer).nextOffsets(after: records)
        try await consumer.commit(offsets)
        let ends = try bus.endOffsets(topic: "events")
        #expect(try bus.committedOffsets(group: "g", topic: "events") == ends)
        try await Eventually.wait("offsets file written", patience: .seconds(10)) { Self.offsetsFile(path) == Self.lines(offsets) }
    }

    @Test("with a long interval, closing the consumer writes its group's last commits; a reopened bus resumes there")
    func closeWritesTheLastCommits() async throws {
        let (path, bus, consumer, records) = try await Self.consumed("close", persistence: .interval(.seconds(3600)))
        let offsets = type(of: consumer).nextOffsets(after: Array(records.prefix(12)))
        try await consumer.commit(offsets)
        #expect(Self.offsetsFile(path).isEmpty, "written before the interval or a close")
        try await consumer.close()
        #expect(Self.offsetsFile(path) == Self.lines(offsets))
        bus.close()
        let reopened = try EmbeddedBus(path: path)
        defer { reopened.close() }
        let committed = try reopened.committedOffsets(group: "g", topic: "events")
        #expect(committed == (0..<2).map { offsets[TopicPartition(topic: "events", partition: $0)] ?? 0 })
    }

    @Test("every commit written before it returns with .everyCommit")
    func everyCommit() async throws {
        let (path, bus, consumer, records) = try await Self.consumed("every", persistence: .everyCommit)
        defer { bus.close() }
        for count in [5, 20] {
            let offsets = type(of: consumer).nextOffsets(after: Array(records.prefix(count)))
            try await consumer.commit(offsets)
            #expect(Self.offsetsFile(path) == Self.lines(offsets))
        }
    }

    @Test("a background write that fails is reported by a later commit")
    func failedPersistIsReported() async throws {
        let (path, bus, consumer, records) = try await Self.consumed("failure", persistence: .interval(.milliseconds(5)))
        defer { bus.close() }
        try FileManager.default.removeItem(atPath: path + "/groups")
        var reported: (any Error)?
        var index = 0
        try await Eventually.wait("a commit reporting the failed write", patience: .seconds(10)) {
            do {
                // Each commit moves an offset, so each schedules a write.
                try await consumer.commit([records[index % records.count].topicPartition: Int64(index + 1)])
                index += 1
                return false
            } catch {
                reported = error
                return true
            }
        }
        let busError = try #require(reported as? BusError)
        #expect(busError.description.contains("g.offsets"), "the error names the file: \(busError)")
    }

    @Test("payments.scored is flushed with the offsets: its records are readable at once and kept across a reopen")
    func scoredTopicFlushedWithOffsets() async throws {
        #expect(EmbeddedBus.Configuration().flushPolicy(of: PaymentMessages.scoredTopic) == .withOffsets)
        #expect(EmbeddedBus.Configuration().flushPolicy(of: PaymentMessages.rawTopic) == .everyBatch)
        let (path, bus, consumer, records) = try await Self.consumed(
            "scored", persistence: .interval(.milliseconds(20)), topic: PaymentMessages.scoredTopic, count: 30)
        try await consumer.commit(through: records)
        try await consumer.close()
        bus.close()
        let reopened = try EmbeddedBus(path: path)
        defer { reopened.close() }
        #expect(try reopened.endOffsets(topic: PaymentMessages.scoredTopic).reduce(0, +) == 30)
        #expect(try reopened.committedOffsets(group: "g", topic: PaymentMessages.scoredTopic).reduce(0, +) == 30)
    }
}
