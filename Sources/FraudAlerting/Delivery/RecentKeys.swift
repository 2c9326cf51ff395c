/// A set of the most recent `capacity` keys: inserting into a full set forgets the oldest key.
///
/// Bounded memory for de-duplication; the store's `alerts` table (keyed by `trans_num`) is the durable record.
package struct RecentKeys: Sendable {
    package let capacity: Int
    private var members: Set<String> = []
    private var ring: [String] = []
    private var oldest = 0

    /// - Precondition: `capacity >= 1`.
    package init(capacity: Int) {
        precondition(capacity >= 1, "capacity must be at least 1")
        self.capacity = capacity
        members.reserveCapacity(capacity)
    }

    package var count: Int { members.count }

    package func contains(_ key: String) -> Bool { members.contains(key) }

    /// Adds a key (no-op when present); evicts the oldest when full.
    package mutating func insert(_ key: String) {
        guard members.insert(key).inserted else { return }
        if ring.count < capacity {
            ring.append(key)
        } else {
            members.remove(ring[oldest])
            ring[oldest] = key
            oldest = (oldest + 1) % capacity
        }
    }
}
