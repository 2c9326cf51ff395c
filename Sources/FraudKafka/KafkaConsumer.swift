import CRdKafka
import Foundation
import FraudBus
import FraudCore
import Synchronization

/// The consumer handle, its assignment and the dedicated thread that runs the blocking
/// `rd_kafka_consumer_poll` (never on the cooperative pool). The thread owns the handle's lifetime.
final class ConsumerCore: @unchecked Sendable {
    private(set) var handle: OpaquePointer?
    let buffer: RecordBuffer
    let assignment = Mutex<Set<TopicPartition>>([])
    /// With a listener: where rebalances wait for `poll` to tell it.
    let rebalances: RebalanceHandoff?
    private let running = Mutex(true)
    private let stopped = DispatchSemaphore(value: 0)
    /// A failure seen by the poll thread, surfaced by the next `poll`.
    let failure = Mutex<BusError?>(nil)

    init(settings: [String: String], topics: [String], capacity: Int, listener: (any PartitionAssignmentListener)?) throws {
        let buffer = RecordBuffer(capacity: capacity)
        self.buffer = buffer
        rebalances = listener.map { RebalanceHandoff(listener: $0, notifier: buffer.notifier) }
        let configuration = try KafkaClient.configuration(settings)
        rd_kafka_conf_set_rebalance_cb(configuration) { handle, code, partitions, opaque in
            guard let handle, let opaque else { return }
            let core = Unmanaged<ConsumerCore>.fromOpaque(opaque).takeUnretainedValue()
            core.rebalance(handle, code, partitions)
        }
        // Callbacks cannot capture: `self` travels as the configuration's opaque pointer. The poll
        // thread holds `self` until the handle is destroyed, so the pointer stays valid.
        rd_kafka_conf_set_opaque(configuration, Unmanaged.passUnretained(self).toOpaque())
        let handle = try KafkaClient.handle(RD_KAFKA_CONSUMER, configuration)
        self.handle = handle
        rd_kafka_poll_set_consumer(handle)
        let list = rd_kafka_topic_partition_list_new(Int32(topics.count))!
        for topic in topics { rd_kafka_topic_partition_list_add(list, topic, RD_KAFKA_PARTITION_UA) }
        let code = rd_kafka_subscribe(handle, list)
        rd_kafka_topic_partition_list_destroy(list)
        guard code == RD_KAFKA_RESP_ERR_NO_ERROR else {
            rd_kafka_destroy(handle)
            self.handle = nil
            throw KafkaClient.error(code, "subscribing to \(topics)")
        }
        let thread = Thread { [self] in run(self.handle!) }
        thread.name = "kafka-consumer-poll"
        thread.start()
    }

    /// Runs on the poll thread, inside `rd_kafka_consumer_poll`. With a listener, the change waits for `poll` to
    /// tell it; a new partition starts where the listener says, else at its committed offset.
    private func rebalance(_ handle: OpaquePointer, _ code: rd_kafka_resp_err_t, _ list: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?) {
        let partitions = KafkaClient.partitions(list)
        if code == RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS {
            guard let rebalances, let list, !partitions.isEmpty else { return assign(handle, list, partitions) }
            rebalances.handOver(.assigned(partitions)) { starts in
                guard let starts else { return assign(handle, nil, []) }
                Self.setStarts(starts, in: list)
                assign(handle, list, partitions)
            }
        } else {
            // Records still buffered from revoked partitions go to their new owner instead.
            buffer.drop(partitions)
            guard let rebalances, !partitions.isEmpty else { return assign(handle, nil, []) }
            rebalances.handOver(.revoked(partitions)) { _ in assign(handle, nil, []) }
        }
    }

    /// Assigns `list` (nil: nothing) and records it as the assignment; wakes `poll`.
    private func assign(_ handle: OpaquePointer, _ list: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?, _ partitions: Set<TopicPartition>) {
        rd_kafka_assign(handle, list)
        assignment.withLock { $0 = partitions }
        buffer.notifier.notifyAll()
    }

    /// Sets each partition's start offset in `list` to `starts`, else to `RD_KAFKA_OFFSET_INVALID` (its committed offset).
    private static func setStarts(_ starts: [TopicPartition: Int64], in list: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>) {
        for index in 0..<Int(list.pointee.cnt) {
            let entry = list.pointee.elems + index
            let partition = TopicPartition(topic: String(cString: entry.pointee.topic), partition: Int(entry.pointee.partition))
            entry.pointee.offset = starts[partition] ?? Int64(RD_KAFKA_OFFSET_INVALID)
        }
    }

    private func run(_ handle: OpaquePointer) {
        var topicNames: [OpaquePointer: String] = [:]
        while running.withLock({ $0 }) {
            guard let message = rd_kafka_consumer_poll(handle, 100) else { continue }
            defer { rd_kafka_message_destroy(message) }
            let err = message.pointee.err
            if err == RD_KAFKA_RESP_ERR__PARTITION_EOF { continue }
            guard err == RD_KAFKA_RESP_ERR_NO_ERROR else {
                failure.withLock { $0 = $0 ?? KafkaClient.error(err, "consuming") }
                buffer.notifier.notifyAll()
                continue
            }
            let topicHandle = message.pointee.rkt!
            let topic = topicNames[topicHandle] ?? String(cString: rd_kafka_topic_name(topicHandle))
            topicNames[topicHandle] = topic
            guard buffer.push(Self.record(message, topic: topic)) else { break }
        }
        rd_kafka_consumer_close(handle)
        rd_kafka_destroy(handle)
        stopped.signal()
    }

    private static func record(_ message: UnsafeMutablePointer<rd_kafka_message_t>, topic: String) -> BusRecord {
        let entry = message.pointee
        let key = entry.key.map { Array(UnsafeRawBufferPointer(start: $0, count: entry.key_len)) } ?? []
        let value = entry.payload.map { Array(UnsafeRawBufferPointer(start: $0, count: entry.len)) } ?? []
        var type = RD_KAFKA_TIMESTAMP_NOT_AVAILABLE
        let timestamp = rd_kafka_message_timestamp(message, &type)
        var headers: [BusHeader] = []
        var list: OpaquePointer?
        if rd_kafka_message_headers(message, &list) == RD_KAFKA_RESP_ERR_NO_ERROR, let list {
            for index in 0..<rd_kafka_header_cnt(list) {
                var name: UnsafePointer<CChar>?
                var bytes: UnsafeRawPointer?
                var size = 0
                guard rd_kafka_header_get_all(list, index, &name, &bytes, &size) == RD_KAFKA_RESP_ERR_NO_ERROR, let name else { continue }
                let headerValue = bytes.map { Array(UnsafeRawBufferPointer(start: $0, count: size)) } ?? []
                headers.append(BusHeader(name: String(cString: name), value: headerValue))
            }
        }
        return BusRecord(topic: topic, partition: Int(entry.partition), offset: entry.offset, key: key, value: value,
                         headers: headers, timestamp: timestamp)
    }

    /// Asks the poll thread to leave the group and destroy the handle; optionally waits for it.
    func stop(wait: Bool) {
        let wasRunning = running.withLock { running in
            defer { running = false }
            return running
        }
        buffer.close()
        rebalances?.close()
        if wasRunning && wait { stopped.wait() }
    }
}

/// A Kafka consumer-group member with manual commits (`enable.auto.commit=false`): offsets are
/// committed only by `commit`, after processing, and after its barrier (if any). Its listener, if any, is told of
/// rebalances inside `poll`.
final class KafkaConsumer: BusConsumer, @unchecked Sendable {
    private let core: ConsumerCore
    private let barrier: OffsetsBarrier?
    private let commitQueue = DispatchQueue(label: "kafka-commit")

    init(settings: [String: String], topics: [String], capacity: Int, listener: (any PartitionAssignmentListener)?,
         barrier: OffsetsBarrier?) throws {
        core = try ConsumerCore(settings: settings, topics: topics, capacity: capacity, listener: listener)
        self.barrier = barrier
    }

    /// Whether a rebalance waits for the next `poll` to tell the listener.
    var rebalanceIsWaiting: Bool { core.rebalances?.isWaiting ?? false }

    deinit { core.stop(wait: false) }

    func poll(maxRecords: Int, timeout: Duration) async throws -> [BusRecord] {
        guard maxRecords > 0 else { throw BusError(.invalidArgument, "maxRecords \(maxRecords): expected > 0") }
        let deadline = ContinuousClock.now + timeout
        while true {
            if let failure = core.failure.withLock({ error in defer { error = nil }; return error }) { throw failure }
            let seen = core.buffer.notifier.generation
            try await core.rebalances?.serve()
            let records = core.buffer.take(maxRecords)
            let now = ContinuousClock.now
            if !records.isEmpty || now >= deadline { return records }
            await core.buffer.notifier.wait(changedFrom: seen, timeout: deadline - now)
        }
    }

    /// Commits synchronously. A commit the group refuses because it is rebalancing (the partitions are being handed to
    /// another member) is dropped, as for partitions no longer owned: their records since the last commit are delivered
    /// again to the new owner (at-least-once; the sinks are idempotent), and the worker goes on instead of stopping.
    func commit(_ offsets: [TopicPartition: Int64]) async throws {
        let owned = core.assignment.withLock { $0 }
        let mine = offsets.filter { owned.contains($0.key) }
        guard !mine.isEmpty, core.handle != nil else { return }
        let (core, barrier) = (self.core, self.barrier)
        // rd_kafka_commit(async: 0) blocks until the broker answers, and the barrier on the disk: keep both off the
        // cooperative pool.
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            commitQueue.async {
                do {
                    try barrier?()
                } catch {
                    return continuation.resume(throwing: error)
                }
                let list = KafkaClient.partitionList(mine)
                let code = rd_kafka_commit(core.handle!, list, 0)
                rd_kafka_topic_partition_list_destroy(list)
                if code == RD_KAFKA_RESP_ERR_NO_ERROR || KafkaClient.isLostToRebalance(code) {
                    continuation.resume()
                } else {
                    continuation.resume(throwing: KafkaClient.error(code, "committing \(mine.count) partitions"))
                }
            }
        }
    }

    func assignment() async throws -> Set<TopicPartition> {
        core.assignment.withLock { $0 }
    }

    func close() async throws {
        let core = self.core
        await KafkaClient.offPool { core.stop(wait: true) }
    }
}
