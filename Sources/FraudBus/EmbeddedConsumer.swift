import FraudCore

/// A member of a consumer group on the embedded bus. Reads from the log files at its cursors;
/// when nothing is new it parks on the bus's notifier until records arrive or the timeout passes.
actor EmbeddedConsumer: BusConsumer {
    private let bus: EmbeddedBus
    private let group: String
    private let member: UInt64
    private let partitionCounts: [String: Int]
    private let listener: (any PartitionAssignmentListener)?
    private var generation: UInt64 = 0
    private var cursors: [TopicPartition: LogCursor] = [:]
    private var order: [TopicPartition] = []
    private var nextStart = 0
    private var closed = false

    init(bus: EmbeddedBus, group: String, member: UInt64, partitionCounts: [String: Int], listener: (any PartitionAssignmentListener)?) {
        self.bus = bus
        self.group = group
        self.member = member
        self.partitionCounts = partitionCounts
        self.listener = listener
    }

    deinit {
        if !closed { bus.coordinator.leave(group: group, member: member, partitions: partitionCounts) }
    }

    func poll(maxRecords: Int, timeout: Duration) async throws -> [BusRecord] {
        guard maxRecords > 0 else { throw BusError(.invalidArgument, "maxRecords \(maxRecords): expected > 0") }
        let deadline = ContinuousClock.now + timeout
        while true {
            guard !closed else { throw BusError(.closed, "consumer of group '\(group)' is closed") }
            let seen = bus.notifier.generation
            try await refreshAssignment()
            var records: [BusRecord] = []
            // Start at a rotating partition so a busy partition cannot starve the others.
            for step in 0..<order.count where records.count < maxRecords {
                let partition = order[(nextStart + step) % order.count]
                guard var cursor = cursors[partition] else { continue }
                let log = try bus.partitions(of: partition.topic)[partition.partition]
                try log.read(from: &cursor, maxRecords: maxRecords - records.count, into: &records)
                cursors[partition] = cursor
            }
            nextStart &+= 1
            let now = ContinuousClock.now
            if !records.isEmpty || now >= deadline { return records }
            await bus.notifier.wait(changedFrom: seen, timeout: deadline - now)
        }
    }

    /// Picks up a rebalance: drops lost partitions, and starts new ones where the listener says, else at their
    /// committed offset. The listener hears of lost partitions first, then of new ones.
    private func refreshAssignment() async throws {
        let current = bus.coordinator.assignment(group: group, member: member)
        guard current.generation != generation else { return }
        let lost = Set(cursors.keys).subtracting(current.partitions)
        let added = current.partitions.subtracting(cursors.keys)
        cursors = cursors.filter { current.partitions.contains($0.key) }
        order = order.filter { current.partitions.contains($0) }
        if !lost.isEmpty { await listener?.revoked(lost) }
        let starts = added.isEmpty ? [:] : try await listener?.assigned(added) ?? [:]
        for partition in added {
            let log = try bus.partitions(of: partition.topic)[partition.partition]
            let start = starts[partition] ?? bus.coordinator.committed(group: group, partition: partition) ?? log.startOffset
            cursors[partition] = try log.cursor(at: start)
        }
        order = current.partitions.sorted()
        generation = current.generation
    }

    func commit(_ offsets: [TopicPartition: Int64]) async throws {
        guard !closed else { throw BusError(.closed, "consumer of group '\(group)' is closed") }
        try await bus.coordinator.commit(group: group, member: member, offsets: offsets)
    }

    func assignment() async throws -> Set<TopicPartition> {
        try await refreshAssignment()
        return Set(order)
    }

    func close() async throws {
        guard !closed else { return }
        closed = true
        defer {
            bus.coordinator.leave(group: group, member: member, partitions: partitionCounts)
            bus.notifier.notifyAll()
        }
        // The group's last commits reach the disk before this member leaves (a graceful stop re-delivers nothing).
        try await bus.coordinator.persist()
    }
}
