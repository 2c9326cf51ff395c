import FraudCore
import Synchronization

/// Counts records across consumers that drain one topic together.
final class TotalCounter: Sendable {
    private let count = Mutex(0)
    func add(_ value: Int) -> Int { count.withLock { $0 += value; return $0 } }
    var value: Int { count.withLock { $0 } }
}

/// Polling helpers for tests: read until a count is reached, failing after a patience period.
package enum BusDrain {
    /// Polls until `count` records arrived (more may come along in the last poll).
    package static func collect(_ consumer: any BusConsumer, count: Int, patience: Duration) async throws -> [BusRecord] {
        var records: [BusRecord] = []
        let deadline = ContinuousClock.now + patience
        while records.count < count {
            guard ContinuousClock.now < deadline else {
                throw ConformanceFailure(message: "got \(records.count) of \(count) records within \(patience)")
            }
            records += try await consumer.poll(maxRecords: 64, timeout: .milliseconds(200))
        }
        return records
    }

    /// Polls until the consumers sharing `shared` have read `total` records together.
    static func collectUntilQuiet(_ consumer: any BusConsumer, patience: Duration, total: Int, shared: TotalCounter) async throws -> [BusRecord] {
        var records: [BusRecord] = []
        let deadline = ContinuousClock.now + patience
        while ContinuousClock.now < deadline {
            let batch = try await consumer.poll(maxRecords: 64, timeout: .milliseconds(200))
            records += batch
            if shared.add(batch.count) >= total {
                // Drain whatever else this consumer still holds, to catch duplicates.
                records += try await consumer.poll(maxRecords: 64, timeout: .milliseconds(100))
                return records
            }
        }
        throw ConformanceFailure(message: "read \(shared.value) of \(total) records within \(patience)")
    }

    /// Waits until two consumers of one group hold non-empty assignments covering `partitions` partitions.
    package static func waitForSplit(
        _ one: any BusConsumer, _ two: any BusConsumer, partitions: Int, patience: Duration
    ) async throws -> (Set<TopicPartition>, Set<TopicPartition>) {
        let deadline = ContinuousClock.now + patience
        while ContinuousClock.now < deadline {
            async let pollOne = one.poll(maxRecords: 1, timeout: .milliseconds(100))
            async let pollTwo = two.poll(maxRecords: 1, timeout: .milliseconds(100))
            let polled = try await (pollOne, pollTwo)
            guard polled.0.isEmpty, polled.1.isEmpty else {
                throw ConformanceFailure(message: "records arrived before any were produced")
            }
            let first = try await one.assignment()
            let second = try await two.assignment()
            if !first.isEmpty, !second.isEmpty, first.count + second.count == partitions { return (first, second) }
        }
        throw ConformanceFailure(message: "two consumers did not both get partitions within \(patience)")
    }
}
