/// Per-card feature state for every card seen: the bounded memory behind the velocity features.
///
/// Per card: a ring of its last `ringCapacity` payments (time in seconds, amount), its lifetime
/// payment count and amount sum, a 1024-bit Bloom filter of merchants seen and a bit set of
/// categories seen — about 690 bytes a card, so 1M cards take ~0.7 GB. Storage is columnar and
/// chunked (`chunkSize` cards per chunk; the newest chunk grows by doubling) so growth never copies more
/// than one chunk. A value type:
/// copy it to snapshot; `CardStateCodec` encodes one card's state for checkpoints and the API.
package struct CardStateStore: Hashable, Sendable {
    /// Payments kept per card; windows count at most this many (a card with more in 7 days saturates).
    package static let ringCapacity = 64
    /// 64-bit words of each card's merchant Bloom filter (1024 bits, 2 hashes).
    static let bloomWords = 16
    static let chunkShift = 12
    static let chunkSize = 1 << chunkShift

    /// Cards a new chunk has room for; it doubles up to `chunkSize` as cards arrive, so a short-lived
    /// store (the API's per-request extractor) does not zero 2.8 MB for a few cards.
    static let firstChunkCapacity = 16

    /// Slot of each card.
    var slots: [Int64: Int32] = [:]
    /// Card of each slot, in slot order.
    var cards: [Int64] = []
    var chunks: [CardStateChunk] = []

    package init() {}

    /// Cards with state.
    package var cardCount: Int { cards.count }

    /// The slot of `card`, allocated (empty) on first sight.
    mutating func slot(for card: Int64) -> Int {
        if let slot = slots[card] { return Int(slot) }
        let slot = cards.count
        if slot >> Self.chunkShift == chunks.count { chunks.append(CardStateChunk(capacity: Self.firstChunkCapacity)) }
        let local = slot & (Self.chunkSize - 1)
        if local == chunks[chunks.count - 1].capacity { chunks[chunks.count - 1].grow(to: min(2 * local, Self.chunkSize)) }
        slots[card] = Int32(slot)
        cards.append(card)
        return slot
    }

    /// Bytes held by the state (buffers at their capacity plus the card index), for memory budgets.
    package var estimatedBytes: Int {
        let index = slots.capacity * (MemoryLayout<Int64>.stride + MemoryLayout<Int32>.stride) + cards.capacity * 8
        return index + chunks.reduce(0) { $0 + $1.capacity } * CardStateChunk.bytesPerCard
    }
}
