import Dispatch
import FraudCore
import Synchronization

/// Appends batches to the embedded log. A batch is split by partition; partitions are written
/// and flushed in parallel on their own queues (concurrent `fdatasync`s share one journal commit),
/// and `send` returns when all are durable.
final class EmbeddedProducer: BusProducer {
    private let bus: EmbeddedBus

    init(bus: EmbeddedBus) {
        self.bus = bus
    }

    func send(_ messages: [BusMessage]) async throws {
        guard !messages.isEmpty else { return }
        var work: [ObjectIdentifier: (log: PartitionLog, messages: [BusMessage])] = [:]
        var order: [ObjectIdentifier] = []
        var logsByTopic: [String: [PartitionLog]] = [:]
        for message in messages {
            let logs: [PartitionLog]
            if let known = logsByTopic[message.topic] {
                logs = known
            } else {
                logs = try bus.partitions(of: message.topic)
                logsByTopic[message.topic] = logs
            }
            let partition = message.partition ?? Murmur2Partitioner.partition(key: message.key, partitions: logs.count)
            guard logs.indices.contains(partition) else {
                throw BusError(.invalidArgument, "partition \(partition): topic '\(message.topic)' has \(logs.count) partitions")
            }
            let log = logs[partition]
            let id = ObjectIdentifier(log)
            if work[id] == nil {
                work[id] = (log, [])
                order.append(id)
            }
            work[id]!.messages.append(message)
        }
        let timestamp = WallClock.now.millisecondsSinceEpoch
        let failure = Mutex<(any Error)?>(nil)
        let jobs = order.map { work[$0]! }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let group = DispatchGroup()
            for job in jobs {
                group.enter()
                job.log.queue.async {
                    do {
                        try job.log.append(job.messages, timestamp: timestamp)
                    } catch {
                        failure.withLock { $0 = $0 ?? error }
                    }
                    group.leave()
                }
            }
            group.notify(queue: .global()) { continuation.resume() }
        }
        bus.notifier.notifyAll()
        if let error = failure.withLock({ $0 }) { throw error }
    }

    func close() async throws {}
}
