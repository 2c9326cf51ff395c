import CRdKafka
import FraudCore

/// librdkafka's in-process mock Kafka cluster, for tests and demos without a broker.
package final class KafkaMockCluster: @unchecked Sendable {
    private let host: OpaquePointer
    private let cluster: OpaquePointer
    /// `host:port,...` of the mock brokers.
    package let bootstrapServers: String

    /// Starts a mock cluster of `brokers` brokers on 127.0.0.1.
    package init(brokers: Int = 1) throws {
        let configuration = try KafkaClient.configuration(["log_level": "3"])
        host = try KafkaClient.handle(RD_KAFKA_PRODUCER, configuration)
        guard let cluster = rd_kafka_mock_cluster_new(host, Int32(brokers)) else {
            rd_kafka_destroy(host)
            throw BusError(.kafka, "could not start a mock cluster of \(brokers) brokers")
        }
        self.cluster = cluster
        bootstrapServers = String(cString: rd_kafka_mock_cluster_bootstraps(cluster))
    }

    /// Creates a topic directly in the mock (no admin round trip); an existing topic is kept.
    package func createTopic(_ topic: String, partitions: Int) throws {
        let code = rd_kafka_mock_topic_create(cluster, topic, Int32(partitions), 1)
        guard code != RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS else { return }
        try KafkaClient.check(code, "creating mock topic '\(topic)'")
    }

    /// Makes the cluster answer the next `count` offset commits with "rebalance in progress", as a group does while
    /// its partitions are being reassigned (librdkafka's request error injection).
    package func refuseNextCommitsAsRebalancing(_ count: Int) {
        let offsetCommitAPIKey: Int16 = 8
        let errors = [rd_kafka_resp_err_t](repeating: RD_KAFKA_RESP_ERR_REBALANCE_IN_PROGRESS, count: count)
        errors.withUnsafeBufferPointer { rd_kafka_mock_push_request_errors_array(cluster, offsetCommitAPIKey, count, $0.baseAddress) }
    }

    /// A bus on this cluster, creating topics through the mock.
    package func bus() throws -> KafkaBus {
        var configuration = KafkaBus.Configuration(bootstrapServers: bootstrapServers)
        configuration.mockCluster = self
        configuration.replicationFactor = 1
        // The mock only notices a departed member when its session expires: keep sessions short.
        configuration.consumerSettings = ["session.timeout.ms": "6000", "heartbeat.interval.ms": "500"]
        return try KafkaBus(configuration: configuration)
    }

    deinit {
        rd_kafka_mock_cluster_destroy(cluster)
        rd_kafka_destroy(host)
    }
}
