import FraudCore
import FraudKafka
import FraudTesting
import Testing

/// Every test runs against its own librdkafka mock cluster (in process, on 127.0.0.1).
@Suite("Kafka bus conformance (librdkafka mock cluster)")
struct KafkaBusConformanceTests {
    static func suite() throws -> BusConformance {
        let cluster = try KafkaMockCluster(brokers: 1)
        return BusConformance(
            open: { try cluster.bus() },
            close: { _ in withExtendedLifetime(cluster) {} })
    }

    @Test func orderingPerKey() async throws {
        try await Self.suite().orderingPerKey()
    }

    @Test func commitAndResumeAfterReconnect() async throws {
        try await Self.suite().commitAndResume()
    }

    @Test func twoConsumersSplitPartitions() async throws {
        try await Self.suite().consumerGroupSplitsPartitions()
    }

    @Test func malformedMessageIsADecodeError() async throws {
        try await Self.suite().malformedMessageIsDecodeError()
    }

    @Test func listenerChoosesStartOffsets() async throws {
        try await Self.suite().listenerChoosesStartOffsets()
    }
}
