import FraudCore
import Synchronization

/// The behaviour every `Bus` implementation must show, as checks that throw
/// `ConformanceFailure` (run them from any test framework). Each check creates its own topics and
/// groups, named with `prefix`, so checks can share one bus or cluster.
package struct BusConformance: Sendable {
    /// Opens the bus under test; `commitAndResume` calls it again after `close` to reopen it.
    package var open: @Sendable () async throws -> any Bus
    /// Closes a bus returned by `open` (releasing files or connections).
    package var close: @Sendable (any Bus) async throws -> Void
    /// Partitions per topic in the checks.
    package var partitions: Int
    /// Longest wait for expected records before failing.
    package var patience: Duration

    /// A suite for the bus that `open` returns.
    package init(
        partitions: Int = 4, patience: Duration = .seconds(60),
        open: @escaping @Sendable () async throws -> any Bus, close: @escaping @Sendable (any Bus) async throws -> Void
    ) {
        self.open = open
        self.close = close
        self.partitions = partitions
        self.patience = patience
    }

    /// Records of one key come back in production order, on the key's Murmur2 partition, with headers intact.
    package func orderingPerKey(prefix: String = "ordering") async throws {
        try await withTopic("\(prefix).events") { bus, topic in
            let producer = try await bus.makeProducer()
            let keys = (0..<12).map { "card-\($0)" }
            for round in 0..<20 {
                let batch = keys.map { key in
                    BusMessage(topic: topic, key: Array(key.utf8), value: Array("\(key):\(round)".utf8),
                               headers: [BusHeader(name: "schema-version", text: "1")])
                }
                try await producer.send(batch)
            }
            try await producer.close()
            let consumer = try await bus.makeConsumer(group: "\(prefix).group", topics: [topic])
            let records = try await BusDrain.collect(consumer, count: keys.count * 20, patience: patience)
            var nextRound: [String: Int] = [:]
            for record in records {
                let key = String(decoding: record.key, as: UTF8.self)
                let round = nextRound[key, default: 0]
                try expect(String(decoding: record.value, as: UTF8.self) == "\(key):\(round)", "record of \(key) out of order: got \(String(decoding: record.value, as: UTF8.self)), expected round \(round)")
                try expect(record.headers.text("schema-version") == "1", "header schema-version lost")
                try expect(record.partition == Murmur2Partitioner.partition(key: record.key, partitions: partitions),
                           "key \(key) on partition \(record.partition), expected the Murmur2 partition")
                nextRound[key] = round + 1
            }
            try expect(nextRound.values.allSatisfy { $0 == 20 }, "some key lost records: \(nextRound)")
            try await consumer.close()
        }
    }

    /// After a commit and a restart, a new consumer of the group resumes at the committed offsets:
    /// nothing committed is re-read, everything uncommitted is re-delivered.
    package func commitAndResume(prefix: String = "resume") async throws {
        let topic = "\(prefix).events"
        let group = "\(prefix).group"
        var bus = try await open()
        try await bus.createTopic(topic, partitions: partitions)
        let producer = try await bus.makeProducer()
        let all = (0..<100).map { "v\($0)" }
        try await producer.send(all.map { BusMessage(topic: topic, key: Array("k\(Int($0.dropFirst())! % 7)".utf8), value: Array($0.utf8)) })
        try await producer.close()
        let first = try await bus.makeConsumer(group: group, topics: [topic])
        let seen = try await BusDrain.collect(first, count: 100, patience: patience)
        let processed = Array(seen.prefix(60))
        try await first.commit(through: processed)
        try await first.close()
        try await close(bus)

        bus = try await open()
        let committed = type(of: first).nextOffsets(after: processed)
        let expected = Set(seen.filter { $0.offset >= (committed[$0.topicPartition] ?? 0) }.map { String(decoding: $0.value, as: UTF8.self) })
        let second = try await bus.makeConsumer(group: group, topics: [topic])
        let again = try await BusDrain.collect(second, count: expected.count, patience: patience)
        let values = again.map { String(decoding: $0.value, as: UTF8.self) }
        try expect(Set(values) == expected && values.count == expected.count,
                   "after resume got \(values.count) records, expected the \(expected.count) uncommitted ones")
        let extra = try await second.poll(maxRecords: 100, timeout: .milliseconds(300))
        try expect(extra.isEmpty, "committed records were re-delivered: \(extra.count)")
        try await second.close()
        try await close(bus)
    }

    /// Two consumers of one group split the partitions: disjoint, covering all, each record once.
    package func consumerGroupSplitsPartitions(prefix: String = "split") async throws {
        let group = "\(prefix).group"
        try await withTopic("\(prefix).events") { bus, topic in
            let one = try await bus.makeConsumer(group: group, topics: [topic])
            let two = try await bus.makeConsumer(group: group, topics: [topic])
            let (first, second) = try await BusDrain.waitForSplit(one, two, partitions: partitions, patience: patience)
            try expect(first.isDisjoint(with: second) && first.count + second.count == partitions,
                       "assignments overlap or miss partitions: \(first.sorted()) and \(second.sorted())")
            let producer = try await bus.makeProducer()
            try await producer.send((0..<200).map { BusMessage(topic: topic, key: Array("card-\($0 % 23)".utf8), value: Array("v\($0)".utf8)) })
            let counter = TotalCounter()
            async let fromOne = BusDrain.collectUntilQuiet(one, patience: patience, total: 200, shared: counter)
            async let fromTwo = BusDrain.collectUntilQuiet(two, patience: patience, total: 200, shared: counter)
            let (recordsOne, recordsTwo) = try await (fromOne, fromTwo)
            try expect(recordsOne.allSatisfy { first.contains($0.topicPartition) }, "consumer one read a partition it does not own")
            try expect(recordsTwo.allSatisfy { second.contains($0.topicPartition) }, "consumer two read a partition it does not own")
            let values = (recordsOne + recordsTwo).map { String(decoding: $0.value, as: UTF8.self) }
            try expect(values.count == 200 && Set(values).count == 200, "expected 200 distinct records, got \(values.count) (\(Set(values).count) distinct)")
            try await one.close()
            try await two.close()
        }
    }

    /// A malformed payment decodes to a `FieldError` naming the field; the records after it still arrive.
    package func malformedMessageIsDecodeError(prefix: String = "malformed") async throws {
        try await withTopic("\(prefix).payments") { bus, topic in
            let producer = try await bus.makeProducer()
            let good = BusFixtures.transaction(1)
            var broken = PaymentMessages.message(for: good, topic: topic)
            broken.value = Array(String(decoding: broken.value, as: UTF8.self).replacingOccurrences(of: "\"amt\":", with: "\"amt\":\"x").utf8)
            let truncated = BusMessage(topic: topic, key: broken.key, value: Array("{\"cc_num\":12".utf8))
            try await producer.send([PaymentMessages.message(for: good, topic: topic), broken, truncated, PaymentMessages.message(for: BusFixtures.transaction(2), topic: topic)])
            let consumer = try await bus.makeConsumer(group: "\(prefix).group", topics: [topic])
            let records = try await BusDrain.collect(consumer, count: 4, patience: patience)
            var decoded: [Transaction] = []
            var errors: [FieldError] = []
            for record in records {
                do throws(FieldError) { decoded.append(try PaymentMessages.transaction(from: record)) } catch { errors.append(error) }
            }
            try expect(decoded == [good, BusFixtures.transaction(2)], "valid payments did not decode back equal")
            try expect(errors.map(\.field) == ["amt", "cc_num"], "decode errors name \(errors.map(\.field)), expected amt and cc_num")
            try await consumer.close()
        }
    }

    /// A consumer's `PartitionAssignmentListener` chooses where each new partition starts; a partition missing from
    /// its answer starts at the group's committed offset.
    package func listenerChoosesStartOffsets(prefix: String = "listener") async throws {
        let group = "\(prefix).group"
        try await withTopic("\(prefix).events") { bus, topic in
            let all = Set((0..<partitions).map { TopicPartition(topic: topic, partition: $0) })
            let producer = try await bus.makeProducer()
            try await producer.send(all.flatMap { partition in
                (0..<10).map { BusMessage(topic: topic, key: Array("k\($0)".utf8), value: Array("v\($0)".utf8), partition: partition.partition) }
            })
            try await producer.close()
            // Committed: partition p at p + 2. The listener answers 7 for partition 0 only.
            let committed = Dictionary(uniqueKeysWithValues: all.map { ($0, Int64($0.partition + 2)) })
            let first = try await bus.makeConsumer(group: group, topics: [topic])
            _ = try await BusDrain.collect(first, count: 10 * partitions, patience: patience)
            try await first.commit(committed)
            try await first.close()

            let chosen = TopicPartition(topic: topic, partition: 0)
            let listener = StartOffsetListener(starts: [chosen: 7])
            let second = try await bus.makeConsumer(group: group, topics: [topic], listener: listener)
            let expected = Dictionary(uniqueKeysWithValues: all.map { ($0, Array(($0 == chosen ? 7 : committed[$0]!)..<10)) })
            let records = try await BusDrain.collect(second, count: expected.values.map(\.count).reduce(0, +), patience: patience)
            let read = Dictionary(grouping: records, by: \.topicPartition).mapValues { $0.map(\.offset) }
            try expect(read == expected, "read offsets \(read.sorted { $0.key < $1.key }), expected \(expected.sorted { $0.key < $1.key })")
            try expect(listener.assignments == [all], "listener told of assignments \(listener.assignments), expected one of \(all.sorted())")
            try await second.close()
        }
    }

    /// Opens the bus with a new topic named `topic` and runs `body` on them; the bus is closed after it, also on failure.
    private func withTopic(_ topic: String, _ body: (any Bus, String) async throws -> Void) async throws {
        let bus = try await open()
        try await withCleanup {
            try await bus.createTopic(topic, partitions: partitions)
            try await body(bus, topic)
        } cleanup: {
            try await close(bus)
        }
    }

    private func expect(_ condition: Bool, _ message: @autoclosure () -> String) throws {
        guard condition else { throw ConformanceFailure(message: message()) }
    }
}

/// Answers fixed start offsets and records the assignments it is told of.
private final class StartOffsetListener: PartitionAssignmentListener {
    private let starts: [TopicPartition: Int64]
    private let told = Mutex<[Set<TopicPartition>]>([])

    init(starts: [TopicPartition: Int64]) {
        self.starts = starts
    }

    var assignments: [Set<TopicPartition>] { told.withLock { $0 } }

    func assigned(_ partitions: Set<TopicPartition>) async throws -> [TopicPartition: Int64] {
        told.withLock { $0.append(partitions) }
        return starts.filter { partitions.contains($0.key) }
    }

    func revoked(_ partitions: Set<TopicPartition>) async {}
}
