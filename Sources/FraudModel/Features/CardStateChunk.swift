/// Columnar state of up to `CardStateStore.chunkSize` consecutive slots (`capacity` of them allocated).
struct CardStateChunk: Hashable, Sendable {
    static let ring = CardStateStore.ringCapacity
    /// Event time (seconds since 1970, clamped to UInt32) of each ring entry.
    var ringTimes: [UInt32] = []
    var ringAmounts: [Float] = []
    /// Index of the next ring write, and entries in use.
    var ringHead: [UInt8] = []
    var ringCount: [UInt8] = []
    var paymentCount: [UInt32] = []
    var amountSum: [Double] = []
    var merchantBloom: [UInt64] = []
    var categoryBits: [UInt32] = []
    /// Slots allocated (zeroed).
    private(set) var capacity = 0

    static var bytesPerCard: Int { ring * 8 + 1 + 1 + 4 + 8 + CardStateStore.bloomWords * 8 + 4 }

    init(capacity: Int) {
        grow(to: capacity)
    }

    /// Allocates empty slots up to `capacity` (a slot's elements keep their index: `slot * width + i`).
    mutating func grow(to capacity: Int) {
        let added = capacity - self.capacity
        guard added > 0 else { return }
        ringTimes += repeatElement(0, count: added * Self.ring)
        ringAmounts += repeatElement(0, count: added * Self.ring)
        ringHead += repeatElement(0, count: added)
        ringCount += repeatElement(0, count: added)
        paymentCount += repeatElement(0, count: added)
        amountSum += repeatElement(0, count: added)
        merchantBloom += repeatElement(0, count: added * CardStateStore.bloomWords)
        categoryBits += repeatElement(0, count: added)
        self.capacity = capacity
    }
}
