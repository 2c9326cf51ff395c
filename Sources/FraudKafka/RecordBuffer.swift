import Foundation
import FraudBus
import FraudCore

/// The bounded queue between the consumer's poll thread and `poll`: the thread blocks when it is
/// full (backpressure: librdkafka's own prefetch is bounded too), `poll` parks until records arrive.
final class RecordBuffer: @unchecked Sendable {
    private let condition = NSCondition()
    private var records: [BusRecord] = []
    private var head = 0
    private var closed = false
    /// Most records held at once.
    let capacity: Int
    let notifier = DataNotifier()

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Adds a record, waiting while the buffer is full; returns `false` once closed.
    func push(_ record: BusRecord) -> Bool {
        condition.lock()
        while records.count - head >= capacity && !closed {
            _ = condition.wait(until: Date(timeIntervalSinceNow: 0.1))
        }
        let open = !closed
        if open { records.append(record) }
        condition.unlock()
        notifier.notifyAll()
        return open
    }

    /// Removes up to `maxRecords` records.
    func take(_ maxRecords: Int) -> [BusRecord] {
        condition.lock()
        defer { condition.unlock() }
        let end = min(records.count, head + maxRecords)
        let taken = Array(records[head..<end])
        head = end
        if head > 4096 && head * 2 > records.count {
            records.removeFirst(head)
            head = 0
        }
        condition.broadcast()
        return taken
    }

    /// Drops buffered records of partitions this consumer no longer owns (after a revoke).
    func drop(_ partitions: Set<TopicPartition>) {
        condition.lock()
        records = records[head...].filter { !partitions.contains($0.topicPartition) }
        head = 0
        condition.broadcast()
        condition.unlock()
    }

    /// Wakes and releases a blocked `push`.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
        notifier.notifyAll()
    }
}
