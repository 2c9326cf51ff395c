import FraudCore
@testable import FraudKafka
import FraudTesting
import Synchronization
import Testing

/// The Kafka consumer's `PartitionAssignmentListener`: start offsets honoured, rebalances told inside `poll` only,
/// errors surfaced by `poll`, and `close` never stuck behind a rebalance (librdkafka mock cluster; each test waits
/// for group joins of ~3 s).
@Suite("Kafka partition assignment listener (librdkafka mock cluster)")
struct KafkaAssignmentListenerTests {
    @Test func theListenersStartOffsetIsWhereReadingStarts() async throws {
        let cluster = try KafkaMockCluster(brokers: 1)
        let bus = try cluster.bus()
        let topic = "listener.start"
        try await produce(10, toEachOf: 1, topic: topic, bus: bus)
        let probe = ListenerProbe { _ in [TopicPartition(topic: topic, partition: 0): 6] }
        let consumer = try await bus.makeConsumer(group: "listener.start.group", topics: [topic], listener: probe)

        let records = try await probe.collect(consumer, count: 4)
        #expect(records.map(\.offset) == [6, 7, 8, 9])
        #expect(probe.events == [.assigned([TopicPartition(topic: topic, partition: 0)])])
        #expect(probe.calledOutsidePoll == 0)
        try await consumer.close()
        withExtendedLifetime(cluster) {}
    }

    @Test func aPartitionMissingFromTheAnswerStartsAtItsCommittedOffset() async throws {
        let cluster = try KafkaMockCluster(brokers: 1)
        let bus = try cluster.bus()
        let topic = "listener.committed", group = "listener.committed.group"
        let zero = TopicPartition(topic: topic, partition: 0), one = TopicPartition(topic: topic, partition: 1)
        try await produce(10, toEachOf: 2, topic: topic, bus: bus)
        let committer = try await bus.makeConsumer(group: group, topics: [topic])
        _ = try await BusDrain.collect(committer, count: 20, patience: .seconds(60))
        try await committer.commit([zero: 3, one: 4])
        try await committer.close()

        let probe = ListenerProbe { _ in [zero: 8] }
        let consumer = try await bus.makeConsumer(group: group, topics: [topic], listener: probe)
        let records = try await probe.collect(consumer, count: 2 + 6)
        #expect(records.filter { $0.partition == 0 }.map(\.offset) == [8, 9])
        #expect(records.filter { $0.partition == 1 }.map(\.offset) == Array(4...9))
        #expect(probe.events == [.assigned([zero, one])])
        #expect(probe.calledOutsidePoll == 0)
        try await consumer.close()
        withExtendedLifetime(cluster) {}
    }

    @Test func aRebalanceWaitsForPollAndIsToldRevokedThenAssigned() async throws {
        let cluster = try KafkaMockCluster(brokers: 1)
        let bus = try cluster.bus()
        let topic = "listener.rebalance", group = "listener.rebalance.group"
        let both: Set = [TopicPartition(topic: topic, partition: 0), TopicPartition(topic: topic, partition: 1)]
        try await produce(10, toEachOf: 2, topic: topic, bus: bus)
        let probe = ListenerProbe { _ in [:] }
        let first = try await bus.makeConsumer(group: group, topics: [topic], listener: probe) as! KafkaConsumer
        _ = try await probe.collect(first, count: 20)
        #expect(probe.events == [.assigned(both)])

        // The test holds its batch (no poll): the second member's join parks the first one's revoke, untold.
        let second = try await bus.makeConsumer(group: group, topics: [topic])
        try await Eventually.wait("the first consumer's revoke waits for its poll", patience: .seconds(60)) { first.rebalanceIsWaiting }
        #expect(probe.events == [.assigned(both)])

        var kept: Set<TopicPartition> = []
        try await Eventually.wait("the two consumers split the partitions", patience: .seconds(60)) {
            _ = try await probe.poll(first)
            kept = try await first.assignment()
            if case .assigned(let told) = probe.events.last {
                #expect(kept == told, "the assignment is in effect when the poll that told the listener returns")
            }
            let other = try await second.assignment()
            return !kept.isEmpty && !other.isEmpty && kept.isDisjoint(with: other) && kept.union(other) == both
        }
        #expect(Array(probe.events.prefix(2)) == [.assigned(both), .revoked(both)])
        #expect(probe.events.last == .assigned(kept))
        #expect(probe.alternates, "told \(probe.events)")
        #expect(probe.calledOutsidePoll == 0)
        try await first.close()
        try await second.close()
        withExtendedLifetime(cluster) {}
    }

    @Test func anErrorFromAssignedComesOutOfPollAndThePartitionIsNotRead() async throws {
        let cluster = try KafkaMockCluster(brokers: 1)
        let bus = try cluster.bus()
        let topic = "listener.error"
        let partition = TopicPartition(topic: topic, partition: 0)
        try await produce(5, toEachOf: 1, topic: topic, bus: bus)
        let refusing = Mutex(true)
        let probe = ListenerProbe { _ in
            if refusing.withLock({ $0 }) { throw Refusal() }
            return [partition: 2]
        }
        let consumer = try await bus.makeConsumer(group: "listener.error.group", topics: [topic], listener: probe) as! KafkaConsumer

        var before: [BusRecord] = []
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            do {
                before += try await probe.poll(consumer)
            } catch is Refusal {
                break
            }
        }
        #expect(probe.events == [.assigned([partition])], "poll did not surface the listener's error")
        #expect(before.isEmpty)
        #expect(try await consumer.assignment().isEmpty)
        #expect(consumer.rebalanceIsWaiting, "the refused assignment no longer waits for the listener")
        await #expect(throws: Refusal.self) { try await probe.poll(consumer) }

        // The assignment waited unread: once the listener answers, reading starts where it says.
        refusing.withLock { $0 = false }
        let records = try await probe.collect(consumer, count: 3)
        #expect(records.map(\.offset) == [2, 3, 4])
        #expect(probe.calledOutsidePoll == 0)
        try await consumer.close()
        withExtendedLifetime(cluster) {}
    }

    @Test func closeWhileARebalanceWaitsForPollReturns() async throws {
        let cluster = try KafkaMockCluster(brokers: 1)
        let bus = try cluster.bus()
        let topic = "listener.close"
        try await produce(1, toEachOf: 1, topic: topic, bus: bus)
        let probe = ListenerProbe { _ in [:] }
        let consumer = try await bus.makeConsumer(group: "listener.close.group", topics: [topic], listener: probe) as! KafkaConsumer
        try await Eventually.wait("the assignment waits for a poll", patience: .seconds(60)) { consumer.rebalanceIsWaiting }

        let closed = Mutex(false)
        let closing = Task {
            try await consumer.close()
            closed.withLock { $0 = true }
        }
        try await Eventually.wait("close returned", patience: .seconds(30)) { closed.withLock { $0 } }
        try await closing.value
        #expect(probe.events.isEmpty)
        withExtendedLifetime(cluster) {}
    }

    /// Creates `topic` with `partitions` partitions and sends `count` records to each.
    private func produce(_ count: Int, toEachOf partitions: Int, topic: String, bus: KafkaBus) async throws {
        try await bus.createTopic(topic, partitions: partitions)
        let producer = try await bus.makeProducer()
        try await producer.send((0..<partitions).flatMap { partition in
            (0..<count).map { BusMessage(topic: topic, key: Array("k\($0)".utf8), value: Array("v\($0)".utf8), partition: partition) }
        })
        try await producer.close()
    }
}

/// The error the refusing listener throws.
private struct Refusal: Error {}

/// A listener that answers with `answer` and records what it is told, counting calls made while the test was not
/// inside one of its `poll` calls.
private final class ListenerProbe: PartitionAssignmentListener {
    enum Event: Equatable {
        case assigned(Set<TopicPartition>)
        case revoked(Set<TopicPartition>)
    }

    private let answer: @Sendable (Set<TopicPartition>) throws -> [TopicPartition: Int64]
    private let told = Mutex<[Event]>([])
    private let outsidePoll = Mutex(0)
    private let insidePoll = Mutex(false)

    init(answer: @escaping @Sendable (Set<TopicPartition>) throws -> [TopicPartition: Int64]) {
        self.answer = answer
    }

    var events: [Event] { told.withLock { $0 } }
    var calledOutsidePoll: Int { outsidePoll.withLock { $0 } }
    /// Whether every assignment was followed by its revoke before the next assignment.
    var alternates: Bool {
        let told = events
        return told.enumerated().allSatisfy { index, event in
            switch event {
            case .assigned: index % 2 == 0
            case .revoked(let partitions): index % 2 == 1 && told[index - 1] == .assigned(partitions)
            }
        }
    }

    func assigned(_ partitions: Set<TopicPartition>) async throws -> [TopicPartition: Int64] {
        record(.assigned(partitions))
        return try answer(partitions)
    }

    func revoked(_ partitions: Set<TopicPartition>) async {
        record(.revoked(partitions))
    }

    /// Polls `consumer`, marking the call as inside `poll`.
    func poll(_ consumer: any BusConsumer) async throws -> [BusRecord] {
        insidePoll.withLock { $0 = true }
        defer { insidePoll.withLock { $0 = false } }
        return try await consumer.poll(maxRecords: 64, timeout: .milliseconds(200))
    }

    /// Polls `consumer` (inside `poll`) until `count` records arrived.
    func collect(_ consumer: any BusConsumer, count: Int) async throws -> [BusRecord] {
        var records: [BusRecord] = []
        try await Eventually.wait("\(count) records", patience: .seconds(60)) {
            records += try await poll(consumer)
            return records.count >= count
        }
        return records
    }

    private func record(_ event: Event) {
        if !insidePoll.withLock({ $0 }) { outsidePoll.withLock { $0 += 1 } }
        told.withLock { $0.append(event) }
    }
}
