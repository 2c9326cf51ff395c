import FraudCore

/// One card's feature state as bytes: what a scorer checkpoints per changed card, and what the API reads back
/// to score a payment with its card's history.
///
/// Layout (little-endian, 146 + 8 × ring entries bytes): version `1` (UInt8), ring entries in use n (UInt8),
/// lifetime payment count (UInt32), amount sum (Float64 bits), category bits (UInt32), the merchant Bloom
/// filter (`CardStateStore.bloomWords` UInt64), then the n ring entries oldest first, each an event time in
/// seconds (UInt32) and an amount (Float32 bits). The ring is stored in logical order, so a decoded card's ring
/// starts at slot 0: its features are bit-identical, since they depend only on that order.
package enum CardStateCodec {
    static let version: UInt8 = 1
    static let headerBytes = 1 + 1 + 4 + 8 + 4 + CardStateStore.bloomWords * 8

    /// The state of `card`, or `nil` when the store has none.
    package static func encode(_ card: Int64, in store: CardStateStore) -> [UInt8]? {
        guard let slot = store.slots[card] else { return nil }
        let chunk = store.chunks[Int(slot) >> CardStateStore.chunkShift]
        return encode(slot: Int(slot) & (CardStateStore.chunkSize - 1), of: chunk)
    }

    static func encode(slot: Int, of chunk: CardStateChunk) -> [UInt8] {
        let ring = CardStateStore.ringCapacity
        let count = Int(chunk.ringCount[slot]), head = Int(chunk.ringHead[slot])
        var out: [UInt8] = []
        out.reserveCapacity(headerBytes + 8 * count)
        out.append(version)
        out.append(UInt8(count))
        append(chunk.paymentCount[slot], to: &out)
        append(chunk.amountSum[slot].bitPattern, to: &out)
        append(chunk.categoryBits[slot], to: &out)
        for word in 0..<CardStateStore.bloomWords { append(chunk.merchantBloom[slot * CardStateStore.bloomWords + word], to: &out) }
        for entry in 0..<count {
            let index = slot * ring + (head - count + entry + ring) % ring
            append(chunk.ringTimes[index], to: &out)
            append(chunk.ringAmounts[index].bitPattern, to: &out)
        }
        return out
    }

    /// Sets the state of `card` in `store` to `bytes` (replacing any it had).
    /// - Throws: `ModelError.malformed` naming the card when `bytes` are not such a state.
    package static func decode(_ bytes: [UInt8], card: Int64, into store: inout CardStateStore) throws {
        func malformed(_ reason: String) -> ModelError {
            .malformed(file: "feature state of card \(CardNumberMask.masked(card))", reason: reason)
        }
        guard bytes.count >= headerBytes else { throw malformed("\(bytes.count) bytes, shorter than the \(headerBytes)-byte header") }
        guard bytes[0] == version else { throw malformed("version \(bytes[0]), expected \(version)") }
        let count = Int(bytes[1])
        guard count <= CardStateStore.ringCapacity else { throw malformed("\(count) ring entries, at most \(CardStateStore.ringCapacity)") }
        guard bytes.count == headerBytes + 8 * count else {
            throw malformed("\(bytes.count) bytes, expected \(headerBytes + 8 * count) for \(count) ring entries")
        }
        let slot = store.slot(for: card)
        let local = slot & (CardStateStore.chunkSize - 1)
        bytes.withUnsafeBytes { raw in
            var reader = Reader(raw: raw, offset: 2)
            store.chunks[slot >> CardStateStore.chunkShift].replace(slot: local, count: count, reader: &reader)
        }
    }

    private static func append<T: FixedWidthInteger>(_ value: T, to out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
    }

    /// Reads little-endian values in sequence.
    struct Reader {
        let raw: UnsafeRawBufferPointer
        var offset: Int

        mutating func next<T: FixedWidthInteger>() -> T {
            defer { offset += MemoryLayout<T>.size }
            return T(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: T.self))
        }
    }
}

extension CardStateChunk {
    /// Replaces the state in `slot` with `count` ring entries and the header fields read from `reader`.
    fileprivate mutating func replace(slot: Int, count: Int, reader: inout CardStateCodec.Reader) {
        let ring = Self.ring, bloomWords = CardStateStore.bloomWords
        paymentCount[slot] = reader.next()
        amountSum[slot] = Double(bitPattern: reader.next())
        categoryBits[slot] = reader.next()
        for word in 0..<bloomWords { merchantBloom[slot * bloomWords + word] = reader.next() }
        for entry in 0..<ring {
            ringTimes[slot * ring + entry] = entry < count ? reader.next() : 0
            ringAmounts[slot * ring + entry] = entry < count ? Float(bitPattern: reader.next()) : 0
        }
        ringCount[slot] = UInt8(count)
        ringHead[slot] = UInt8(count % ring)
    }
}
