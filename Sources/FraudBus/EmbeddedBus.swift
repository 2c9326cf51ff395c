#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Foundation
import FraudCore
import Synchronization

/// The default bus: a durable append-only log in a local directory, shared by the producers and
/// consumers of one process. Acknowledged records survive a crash of the process (and, with the
/// default flush policy, of the machine).
///
/// Layout: `topics/<topic>/partitions` (the count), `topics/<topic>/<n>/<base offset>.log|.index`,
/// `groups/<group>.offsets`, and a `LOCK` file held with `flock` so one process owns the directory.
package final class EmbeddedBus: Bus, @unchecked Sendable {
    /// When appended records are flushed to the device.
    package enum FlushPolicy: Hashable, Sendable {
        /// `fdatasync` before acknowledging each batch: survives power loss (the default).
        case everyBatch
        /// Acknowledge once written (readers see the records at once, a process crash loses nothing) and
        /// `fdatasync` before the next offsets file is written (group commit), so a persisted commit never
        /// points past records a power loss could take. For derived topics that can be rebuilt from their input
        /// (`payments.scored` is re-scored from `payments.raw`): their producer's persisted commit on the input
        /// only covers records whose output was flushed first.
        case withOffsets
        /// Leave flushing to the OS: survives a process crash, may lose the last seconds on power loss.
        case never
    }

    /// When committed offsets are written to the group's offsets file.
    package enum OffsetPersistence: Hashable, Sendable {
        /// Every commit rewrites the file (`fsync`, `rename`, directory `fsync`) before it returns.
        case everyCommit
        /// A commit takes effect in the process at once and returns; the file is rewritten in the background at most
        /// once per interval, and before a consumer leaves or the bus closes. A crash (kill -9 or power loss)
        /// re-delivers what was committed in the last interval: at-least-once holds, with more re-delivery.
        case interval(Duration)
    }

    /// Tuning of the embedded log; the defaults need no changes.
    package struct Configuration: Sendable {
        /// When appends are flushed (default: every batch), unless `topicFlushPolicies` names the topic.
        package var flushPolicy: FlushPolicy = .everyBatch
        /// Flush policies of single topics (default: `payments.scored` flushed with the offsets, since the
        /// scorer rebuilds it from `payments.raw`).
        package var topicFlushPolicies: [String: FlushPolicy] = [PaymentMessages.scoredTopic: .withOffsets]
        /// When commits reach the offsets files (default: at most every 100 ms, in the background).
        package var offsetPersistence: OffsetPersistence = .interval(.milliseconds(100))
        /// A segment is sealed and a new one started past this size (default 64 MiB).
        package var segmentBytes = 64 << 20
        /// Oldest sealed segments are deleted while a partition holds more (default 1 GiB; `nil` keeps all).
        package var retentionBytes: Int? = 1 << 30
        /// One index entry per this many bytes of log (default 4 KiB).
        package var indexIntervalBytes = 4096
        /// Told of every offsets file written, after it is durable (tests check what came before it).
        package var offsetsWritten: (@Sendable (_ group: String, _ offsets: [TopicPartition: Int64]) -> Void)?

        /// The defaults.
        package init() {}

        /// The flush policy in effect for `topic`.
        package func flushPolicy(of topic: String) -> FlushPolicy {
            topicFlushPolicies[topic] ?? flushPolicy
        }
    }

    /// The bus directory.
    package let path: String
    /// Tuning in effect.
    package let configuration: Configuration
    let notifier = DataNotifier()
    let coordinator: GroupCoordinator
    private let topics = Mutex<[String: [PartitionLog]]>([:])
    private let lock: Mutex<Int32>
    private let creation = Mutex(())

    /// Opens (creating if needed) the bus in directory `path`, recovering every partition.
    /// - Throws: `BusError` when the directory is unusable or another process has it open.
    package init(path: String, configuration: Configuration = Configuration()) throws {
        self.path = path
        self.configuration = configuration
        let manager = FileManager.default
        do {
            try manager.createDirectory(atPath: "\(path)/topics", withIntermediateDirectories: true)
            try manager.createDirectory(atPath: "\(path)/groups", withIntermediateDirectories: true)
        } catch {
            throw BusError(.io, "embedded bus directory '\(path)': \(error.localizedDescription)")
        }
        let descriptor = open("\(path)/LOCK", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw LogFile.error("open", "\(path)/LOCK") }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            Glibc.close(descriptor)
            throw BusError(.io, "embedded bus directory '\(path)' is in use by another process (or another EmbeddedBus)")
        }
        lock = Mutex(descriptor)
        coordinator = GroupCoordinator(directory: "\(path)/groups", persistence: configuration.offsetPersistence,
                                       written: configuration.offsetsWritten)
        var loaded: [String: [PartitionLog]] = [:]
        for topic in (try? manager.contentsOfDirectory(atPath: "\(path)/topics")) ?? [] {
            guard let bytes = try LogFile.contents(of: "\(path)/topics/\(topic)/partitions"),
                  let count = Int(String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
            else { continue }
            loaded[topic] = try (0..<count).map { partition throws in
                try PartitionLog(topic: topic, partition: partition, directory: "\(path)/topics/\(topic)/\(partition)", configuration: configuration)
            }
        }
        topics.withLock { $0 = loaded }
        coordinator.beforePersisting { [weak self] in try self?.flushDeferredAppends() }
    }

    deinit { close() }

    /// Releases the directory lock; later calls on this bus fail.
    package func close() {
        let descriptor = lock.withLock { descriptor in
            defer { descriptor = -1 }
            return descriptor
        }
        guard descriptor >= 0 else { return }
        // Deferred appends, then offsets committed since the last persist (the flush is explicit because `deinit`
        // calls this, when the coordinator's hook no longer reaches `self`). A failure here re-delivers those
        // commits, as after a crash.
        try? flushDeferredAppends()
        try? coordinator.persistNow()
        topics.withLock { $0 = [:] }
        Glibc.close(descriptor)
        notifier.notifyAll()
    }

    var isClosed: Bool { lock.withLock { $0 < 0 } }

    /// Flushes, in parallel, every partition of a `.withOffsets` topic holding appends not yet flushed.
    private func flushDeferredAppends() throws {
        let logs = topics.withLock { $0.values.flatMap { $0 } }.filter(\.flushesWithOffsets)
        guard !logs.isEmpty else { return }
        let failure = Mutex<(any Error)?>(nil)
        let group = DispatchGroup()
        for log in logs {
            // On the partition's own queue: after the appends before it, and concurrent fdatasyncs share a journal commit.
            log.queue.async(group: group) {
                do {
                    try log.flushDeferred()
                } catch {
                    failure.withLock { $0 = $0 ?? error }
                }
            }
        }
        group.wait()
        if let error = failure.withLock({ $0 }) { throw error }
    }

    /// Topic and group names become file names: Kafka's legal characters only.
    static func validateName(_ name: String, _ parameter: String) throws {
        let legal = name.utf8.allSatisfy { byte in
            (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == 46 || byte == 95 || byte == 45
        }
        guard legal, !name.isEmpty, name.utf8.count <= 249, name != ".", name != ".." else {
            throw BusError(.invalidArgument, "\(parameter) '\(name)': use 1-249 characters of [A-Za-z0-9._-]")
        }
    }

    package func createTopic(_ topic: String, partitions: Int) async throws {
        try Self.validateName(topic, "topic")
        guard (1...10_000).contains(partitions) else {
            throw BusError(.invalidArgument, "partitions \(partitions): expected 1...10000")
        }
        guard !isClosed else { throw BusError(.closed, "embedded bus '\(path)' is closed") }
        // One creation at a time: concurrent creators of one topic would race on its files.
        try creation.withLock { _ in try createTopicFiles(topic, partitions: partitions) }
    }

    private func createTopicFiles(_ topic: String, partitions: Int) throws {
        if topics.withLock({ $0[topic] != nil }) { return }
        let directory = "\(path)/topics/\(topic)"
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let logs = try (0..<partitions).map { partition throws in
            try PartitionLog(topic: topic, partition: partition, directory: "\(directory)/\(partition)", configuration: configuration)
        }
        try LogFile.writeAtomically(Array("\(partitions)\n".utf8), to: "\(directory)/partitions")
        topics.withLock { $0[topic] = $0[topic] ?? logs }
    }

    package func makeProducer() async throws -> any BusProducer {
        EmbeddedProducer(bus: self)
    }

    package func makeConsumer(group: String, topics: [String], listener: (any PartitionAssignmentListener)?,
                             barrier: OffsetsBarrier?) async throws -> any BusConsumer {
        try Self.validateName(group, "group")
        let counts = try partitionCounts(topics)
        let member = try coordinator.join(group: group, topics: counts, barrier: barrier)
        notifier.notifyAll()
        return EmbeddedConsumer(bus: self, group: group, member: member, partitionCounts: counts, listener: listener)
    }

    /// Flushes the appends of `.withOffsets` topics not yet flushed (other topics are flushed as their policy says).
    package func flush() async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try self.flushDeferredAppends() })
            }
        }
    }

    /// For each partition of `topic`, the offset the next record will get (the log end).
    package func endOffsets(topic: String) throws -> [Int64] {
        try partitions(of: topic).map(\.endOffset)
    }

    /// For each partition of `topic`, the offset of its oldest record still in the log (retention deletes older ones).
    package func startOffsets(topic: String) throws -> [Int64] {
        try partitions(of: topic).map(\.startOffset)
    }

    /// For each partition of `topic`, the next offset `group` will read: its committed offset, 0 when it has none.
    package func committedOffsets(group: String, topic: String) throws -> [Int64] {
        let count = try partitions(of: topic).count
        return try coordinator.committedOffsets(group: group, topic: topic, partitions: count)
    }

    func partitions(of topic: String) throws -> [PartitionLog] {
        guard !isClosed else { throw BusError(.closed, "embedded bus '\(path)' is closed") }
        guard let logs = topics.withLock({ $0[topic] }) else {
            throw BusError(.unknownTopic, "topic '\(topic)' does not exist in '\(path)' (create it first)")
        }
        return logs
    }

    func partitionCounts(_ names: [String]) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for name in names { counts[name] = try partitions(of: name).count }
        return counts
    }
}
