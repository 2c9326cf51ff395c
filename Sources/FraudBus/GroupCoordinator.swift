import Dispatch
import FraudCore
import Synchronization

/// Consumer groups of the embedded bus: membership, partition assignment (round-robin over the
/// members sorted by join order, recomputed on every join and leave) and committed offsets,
/// persisted per group in `groups/<group>.offsets` by atomic replace.
final class GroupCoordinator: Sendable {
    private struct Group {
        var members: [(id: UInt64, topics: [String])] = []
        var generation: UInt64 = 0
        var assignments: [UInt64: Set<TopicPartition>] = [:]
        var committed: [TopicPartition: Int64] = [:]
    }
    private struct State {
        var groups: [String: Group] = [:]
        var nextMember: UInt64 = 0
    }
    private let state = Mutex(State())
    private let directory: String
    /// Serializes offset files; its own thread, so `fsync` never blocks the cooperative pool.
    private let queue = DispatchQueue(label: "fraud-bus.offsets")

    init(directory: String) {
        self.directory = directory
    }

    private func path(_ group: String) -> String { "\(directory)/\(group).offsets" }

    /// Adds a member subscribed to `topics` (with their partition counts) and rebalances.
    func join(group: String, topics: [String: Int]) throws -> UInt64 {
        let stored = try loadOffsets(group)
        return state.withLock { state in
            state.nextMember += 1
            let id = state.nextMember
            var entry = state.groups[group] ?? Group(committed: stored)
            entry.members.append((id, topics.keys.sorted()))
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

    /// Records offsets for the member's own partitions and persists the group's offsets durably.
    func commit(group: String, member: UInt64, offsets: [TopicPartition: Int64]) async throws {
        let changed = state.withLock { state -> Bool in
            guard var entry = state.groups[group] else { return false }
            let owned = entry.assignments[member] ?? []
            var changed = false
            for (partition, offset) in offsets where owned.contains(partition) && entry.committed[partition] != offset {
                entry.committed[partition] = offset
                changed = true
            }
            state.groups[group] = entry
            return changed
        }
        guard changed else { return }
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            queue.async {
                // Snapshot inside the queue, so the last write holds every earlier commit.
                let offsets = self.state.withLock { $0.groups[group]?.committed ?? [:] }
                var text = ""
                for (partition, offset) in offsets.sorted(by: { $0.key < $1.key }) {
                    text += "\(partition.topic)\t\(partition.partition)\t\(offset)\n"
                }
                do {
                    try LogFile.writeAtomically(Array(text.utf8), to: self.path(group))
                    continuation.resume()
                } catch {
                    continuation.resume(throwing: error)
                }
            }
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
