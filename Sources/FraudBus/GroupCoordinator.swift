import Dispatch
import FraudCore
import Synchronization

/// Consumer groups of the embedded bus: membership, partition assignment (round-robin over the
/// members sorted by join order, recomputed on every join and leave) and committed offsets,
/// persisted per group in `groups/<group>.offsets` by atomic replace: at every commit, or coalesced in the
/// background (`OffsetPersistence.interval`). Before a file is written, the bus flushes its `.withOffsets`
/// topics, and the barrier of every member that committed since the last write runs (`OffsetsBarrier`), so a persisted
/// offset never points past records, or a consumer's output, that a power loss could take.
final class GroupCoordinator: Sendable {
    private struct Group {
        var members: [(id: UInt64, topics: [String])] = []
        /// Members' barriers, by member.
        var barriers: [UInt64: OffsetsBarrier] = [:]
        /// Barriers of the members that committed since the group's file was last written: they run before the next.
        var pendingBarriers: [UInt64: OffsetsBarrier] = [:]
        var generation: UInt64 = 0
        var assignments: [UInt64: Set<TopicPartition>] = [:]
        var committed: [TopicPartition: Int64] = [:]
    }
    private struct State {
        var groups: [String: Group] = [:]
        var nextMember: UInt64 = 0
        /// Groups whose committed offsets changed since their file was last written.
        var unpersisted: Set<String> = []
        /// Whether a background persist is due.
        var scheduled = false
        /// The last background persist's failure, reported by the next commit.
        var failure: (any Error)?
    }
    private let state = Mutex(State())
    private let directory: String
    private let persistence: EmbeddedBus.OffsetPersistence
    /// Serializes offset files; its own thread, so `fsync` never blocks the cooperative pool.
    private let queue = DispatchQueue(label: "fraud-bus.offsets")
    /// Runs before offsets files are written (the bus flushes its `.withOffsets` topics).
    private let flush = Mutex<(@Sendable () throws -> Void)?>(nil)
    /// Told of each file written (`EmbeddedBus.Configuration.offsetsWritten`).
    private let written: (@Sendable (String, [TopicPartition: Int64]) -> Void)?

    init(directory: String, persistence: EmbeddedBus.OffsetPersistence, written: (@Sendable (String, [TopicPartition: Int64]) -> Void)?) {
        self.directory = directory
        self.persistence = persistence
        self.written = written
    }

    /// Sets what runs before offsets files are written.
    func beforePersisting(_ action: @escaping @Sendable () throws -> Void) {
        flush.withLock { $0 = action }
    }

    private func path(_ group: String) -> String { "\(directory)/\(group).offsets" }

    /// Adds a member subscribed to `topics` (with their partition counts), whose commits are persisted only after
    /// `barrier` ran, and rebalances.
    func join(group: String, topics: [String: Int], barrier: OffsetsBarrier?) throws -> UInt64 {
        let stored = try loadOffsets(group)
        return state.withLock { state in
            state.nextMember += 1
            let id = state.nextMember
            var entry = state.groups[group] ?? Group(committed: stored)
            entry.members.append((id, topics.keys.sorted()))
            entry.barriers[id] = barrier
            Self.rebalance(&entry, partitions: topics)
            state.groups[group] = entry
            return id
        }
    }

    /// Removes a member and rebalances its partitions onto the others.
    func leave(group: String, member: UInt64, partitions: [String: Int]) {
        state.withLock { state in
            guard var entry = state.groups[group] else { return }
            entry.members.removeAll { $0.id == member }
            entry.barriers[member] = nil
            Self.rebalance(&entry, partitions: partitions)
            state.groups[group] = entry
        }
    }

    private static func rebalance(_ group: inout Group, partitions: [String: Int]) {
        group.generation += 1
        group.assignments = [:]
        for member in group.members { group.assignments[member.id] = [] }
        for topic in Set(group.members.flatMap(\.topics)).sorted() {
            let subscribers = group.members.filter { $0.topics.contains(topic) }
            for partition in 0..<(partitions[topic] ?? 0) {
                let owner = subscribers[partition % subscribers.count].id
                group.assignments[owner, default: []].insert(TopicPartition(topic: topic, partition: partition))
            }
        }
    }

    /// The member's partitions and the group generation they belong to.
    func assignment(group: String, member: UInt64) -> (generation: UInt64, partitions: Set<TopicPartition>) {
        state.withLock { state in
            let entry = state.groups[group]
            return (entry?.generation ?? 0, entry?.assignments[member] ?? [])
        }
    }

    /// The committed next offset of a partition, if any.
    func committed(group: String, partition: TopicPartition) -> Int64? {
        state.withLock { $0.groups[group]?.committed[partition] }
    }

    /// The committed next offsets of `partitions` partitions of `topic` (0 when none), also for a group no member
    /// of this process joined (read from its offsets file).
    func committedOffsets(group: String, topic: String, partitions: Int) throws -> [Int64] {
        let known = state.withLock { $0.groups[group]?.committed }
        let offsets = try known ?? loadOffsets(group)
        return (0..<partitions).map { offsets[TopicPartition(topic: topic, partition: $0)] ?? 0 }
    }

    /// Records offsets for the member's own partitions; persists them at once (`.everyCommit`) or schedules a
    /// background persist (`.interval`).
    /// - Throws: the failure of an earlier background persist, or of this commit's persist.
    func commit(group: String, member: UInt64, offsets: [TopicPartition: Int64]) async throws {
        let changed = try state.withLock { (state) throws -> Bool in
            if let failure = state.failure {
                state.failure = nil
                throw failure
            }
            guard var entry = state.groups[group] else { return false }
            let owned = entry.assignments[member] ?? []
            var changed = false
            for (partition, offset) in offsets where owned.contains(partition) && entry.committed[partition] != offset {
                entry.committed[partition] = offset
                changed = true
            }
            if changed, let barrier = entry.barriers[member] { entry.pendingBarriers[member] = barrier }
            state.groups[group] = entry
            if changed { state.unpersisted.insert(group) }
            return changed
        }
        guard changed else { return }
        switch persistence {
        case .everyCommit:
            try await persist()
        case .interval(let interval):
            let schedule = state.withLock { state in
                defer { state.scheduled = true }
                return !state.scheduled
            }
            guard schedule else { return }
            queue.asyncAfter(deadline: .now() + .nanoseconds(Int(interval.nanoseconds))) {
                do {
                    try self.persistUnpersisted()
                } catch {
                    self.state.withLock { $0.failure = error }
                }
            }
        }
    }

    /// Writes every group's offsets committed since its last persist, and returns once they are durable.
    func persist() async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            queue.async {
                continuation.resume(with: Result { try self.persistUnpersisted() })
            }
        }
    }

    /// `persist()` for callers that cannot suspend (closing the bus).
    func persistNow() throws {
        try queue.sync { try persistUnpersisted() }
    }

    /// On `queue`: snapshots the changed groups' offsets with the barriers of their committers, flushes the bus's
    /// deferred appends (everything the snapshot covers was appended before it), then, group by group, runs the barriers
    /// (everything the snapshot covers was processed before it) and replaces the group's file.
    private func persistUnpersisted() throws {
        let snapshot = state.withLock { state -> [(group: String, offsets: [TopicPartition: Int64], barriers: [UInt64: OffsetsBarrier])] in
            defer {
                state.unpersisted = []
                state.scheduled = false
            }
            return state.unpersisted.sorted().map { group in
                defer { state.groups[group]?.pendingBarriers = [:] }
                return (group, state.groups[group]?.committed ?? [:], state.groups[group]?.pendingBarriers ?? [:])
            }
        }
        guard !snapshot.isEmpty else { return }
        do {
            try flush.withLock { $0 }?()
            for (group, offsets, barriers) in snapshot {
                for barrier in barriers.values { try barrier() }
                var text = ""
                for (partition, offset) in offsets.sorted(by: { $0.key < $1.key }) {
                    text += "\(partition.topic)\t\(partition.partition)\t\(offset)\n"
                }
                try LogFile.writeAtomically(Array(text.utf8), to: path(group))
                written?(group, offsets)
            }
        } catch {
            state.withLock { state in
                state.unpersisted.formUnion(snapshot.map(\.group))
                for (group, _, barriers) in snapshot {
                    state.groups[group]?.pendingBarriers.merge(barriers) { newer, _ in newer }
                }
            }
            throw error
        }
    }

    private func loadOffsets(_ group: String) throws -> [TopicPartition: Int64] {
        guard let bytes = try LogFile.contents(of: path(group)) else { return [:] }
        var offsets: [TopicPartition: Int64] = [:]
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: "\t")
            guard parts.count == 3, let partition = Int(parts[1]), let offset = Int64(parts[2]) else {
                throw BusError(.corrupt, "\(path(group)): unreadable line '\(line)'")
            }
            offsets[TopicPartition(topic: String(parts[0]), partition: partition)] = offset
        }
        return offsets
    }
}
