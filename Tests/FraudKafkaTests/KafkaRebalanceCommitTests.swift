import FraudCore
import FraudKafka
import FraudTesting
import Testing

/// A commit the group refuses while rebalancing must not stop a worker (the two-scorer pipeline test died on
/// "Group rebalance in progress" when a second scorer joined): it is dropped, the records stay uncommitted and are
/// delivered again, and the next commit counts.
@Suite("Kafka commits during a rebalance (librdkafka mock cluster)")
struct KafkaRebalanceCommitTests {
    @Test func aCommitRefusedAsRebalancingIsDroppedAndTheRecordsAreDeliveredAgain() async throws {
        let cluster = try KafkaMockCluster(brokers: 1)
        let topic = "rebalance.events", group = "rebalance.group"
        var bus = try cluster.bus()  // a second bus below: a fresh client, as after a restart
        try await bus.createTopic(topic, partitions: 2)
        let producer = try await bus.makeProducer()
        try await producer.send((0..<40).map { BusMessage(topic: topic, key: Array("k\($0 % 5)".utf8), value: Array("v\($0)".utf8)) })
        try await producer.close()

        let first = try await bus.makeConsumer(group: group, topics: [topic])
        let seen = try await BusDrain.collect(first, count: 40, patience: .seconds(60))
        cluster.refuseNextCommitsAsRebalancing(1)
        try await first.commit(through: seen)  // refused by the group: must not throw
        try await first.close()

        // Nothing was committed: a new member of the group gets every record again, and its commit holds.
        bus = try cluster.bus()
        let second = try await bus.makeConsumer(group: group, topics: [topic])
        let again = try await BusDrain.collect(second, count: 40, patience: .seconds(60))
        #expect(Set(again.map(\.value)) == Set(seen.map(\.value)))
        try await second.commit(through: again)
        try await second.close()
        let third = try await bus.makeConsumer(group: group, topics: [topic])
        let extra = try await third.poll(maxRecords: 100, timeout: .seconds(3))
        #expect(extra.isEmpty, "records committed after the refused commit were delivered again: \(extra.count)")
        try await third.close()
        withExtendedLifetime(cluster) {}
    }
}
