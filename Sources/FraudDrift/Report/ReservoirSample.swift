import FraudCore

/// A uniform random sample of at most `capacity` items from a stream of unknown length,
/// reproducible for a given seed (Vitter's Algorithm R, ACM TOMS 11(1), 1985, with SplitMix64).
package struct ReservoirSample<Element> {
    /// The most items kept.
    package let capacity: Int
    /// The sample: the first `capacity` items, then each later item replacing a random slot
    /// with probability capacity/seen.
    package private(set) var items: [Element] = []
    /// Items offered so far.
    package private(set) var seen = 0
    private var generator: SplitMix64

    /// An empty sample.
    /// - Precondition: capacity > 0.
    package init(capacity: Int, seed: UInt64 = 0x5EED) {
        precondition(capacity > 0, "ReservoirSample: capacity must be > 0")
        self.capacity = capacity
        generator = SplitMix64(seed: seed)
        items.reserveCapacity(min(capacity, 1 << 16))
    }

    /// Offers the next item.
    package mutating func add(_ item: Element) {
        seen += 1
        if items.count < capacity {
            items.append(item)
            return
        }
        let slot = Int(generator.next() % UInt64(seen))
        if slot < capacity { items[slot] = item }
    }

    /// Whether the stream was longer than the capacity (the sample is a subsample).
    package var isSubsampled: Bool { seen > capacity }
}

extension ReservoirSample: Sendable where Element: Sendable {}
