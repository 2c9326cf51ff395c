import FraudCore
import FraudKafka
import Testing

/// Workers in other processes reach a cluster only by its address: `createTopic` must accept topics that exist.
@Suite("Kafka topic creation")
struct KafkaTopicCreationTests {
    @Test func anExistingTopicIsUsedAsIsByAClientThatOnlyKnowsTheAddress() async throws {
        let cluster = try KafkaMockCluster(brokers: 1)
        try await cluster.bus().createTopic("payments.raw", partitions: 3)

        // A plain client (as `fraud run scorer --bus kafka://...` in another process): librdkafka 2.0's mock brokers
        // do not answer CreateTopics, so this returns only because the metadata shows the topic.
        let remote = try KafkaBus(bootstrapServers: cluster.bootstrapServers)
        try await remote.createTopic("payments.raw", partitions: 3)

        let producer = try await remote.makeProducer()
        try await producer.send([BusMessage(topic: "payments.raw", key: Array("1".utf8), value: Array("x".utf8), headers: [])])
        try await producer.close()
        withExtendedLifetime(cluster) {}
    }
}
