import Foundation
import FraudBus
import FraudCore
import FraudTesting
import Testing

/// A fresh directory under the system temporary directory.
func temporaryDirectory(_ name: String) -> String {
    let path = NSTemporaryDirectory() + "fraud-bus-tests-\(name)-\(UUID().uuidString)"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

@Suite("Embedded bus conformance")
struct EmbeddedBusConformanceTests {
    static func suite() -> BusConformance {
        let path = temporaryDirectory("conformance")
        return BusConformance(
            open: { try EmbeddedBus(path: path) },
            close: { bus in (bus as! EmbeddedBus).close() })
    }

    @Test func orderingPerKey() async throws {
        try await Self.suite().orderingPerKey()
    }

    @Test func commitAndResumeAfterReopen() async throws {
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
