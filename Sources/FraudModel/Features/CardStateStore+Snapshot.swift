/// A compact binary snapshot of the state: what a scorer writes at a checkpoint and reads on start.
///
/// Layout (little-endian): `FCS1`, ring capacity (UInt32), Bloom words (UInt32), card count N
/// (UInt64), then for the N cards in slot order: card numbers, ring times, ring amounts, ring heads,
/// ring counts, payment counts, amount sums, Bloom words, category bits.
extension CardStateStore {
    static let magic: [UInt8] = Array("FCS1".utf8)

    /// The state as bytes (about 690 bytes a card).
    public func serialized() -> [UInt8] {
        var out = Self.magic
        out.reserveCapacity(16 + cards.count * (CardStateChunk.bytesPerCard + 8))
        append(UInt32(Self.ringCapacity), to: &out)
        append(UInt32(Self.bloomWords), to: &out)
        append(UInt64(cards.count), to: &out)
        cards.withUnsafeBytes { out.append(contentsOf: $0) }
        forEachSlotRange(width: Self.ringCapacity) { chunk, range in chunk.ringTimes[range].withUnsafeBytes { out.append(contentsOf: $0) } }
        forEachSlotRange(width: Self.ringCapacity) { chunk, range in chunk.ringAmounts[range].withUnsafeBytes { out.append(contentsOf: $0) } }
        forEachSlotRange(width: 1) { chunk, range in out.append(contentsOf: chunk.ringHead[range]) }
        forEachSlotRange(width: 1) { chunk, range in out.append(contentsOf: chunk.ringCount[range]) }
        forEachSlotRange(width: 1) { chunk, range in chunk.paymentCount[range].withUnsafeBytes { out.append(contentsOf: $0) } }
        forEachSlotRange(width: 1) { chunk, range in chunk.amountSum[range].withUnsafeBytes { out.append(contentsOf: $0) } }
        forEachSlotRange(width: Self.bloomWords) { chunk, range in chunk.merchantBloom[range].withUnsafeBytes { out.append(contentsOf: $0) } }
        forEachSlotRange(width: 1) { chunk, range in chunk.categoryBits[range].withUnsafeBytes { out.append(contentsOf: $0) } }
        return out
    }

    /// Restores a state written by `serialized()`.
    /// - Throws: `ModelError.malformed` when the bytes are not such a snapshot.
    public init(serialized bytes: [UInt8]) throws {
        var reader = SnapshotReader(bytes: bytes)
        guard try reader.read(count: 4) == Self.magic else { throw ModelError.malformed(file: "state snapshot", reason: "not a card state snapshot (magic)") }
        let ring: UInt32 = try reader.value(), bloom: UInt32 = try reader.value()
        guard ring == Self.ringCapacity, bloom == Self.bloomWords else {
            throw ModelError.malformed(file: "state snapshot", reason: "ring \(ring)/bloom \(bloom) differ from this build's \(Self.ringCapacity)/\(Self.bloomWords)")
        }
        let count = Int(try reader.value() as UInt64)
        self.init()
        let cards: [Int64] = try reader.array(count: count)
        for card in cards { _ = slot(for: card) }
        guard slots.count == count else { throw ModelError.malformed(file: "state snapshot", reason: "duplicate card numbers") }
        try fill(width: Self.ringCapacity, &reader) { $0.ringTimes[$1] = ArraySlice($2) }
        try fill(width: Self.ringCapacity, &reader) { $0.ringAmounts[$1] = ArraySlice($2) }
        try fill(width: 1, &reader) { $0.ringHead[$1] = ArraySlice($2) }
        try fill(width: 1, &reader) { $0.ringCount[$1] = ArraySlice($2) }
        try fill(width: 1, &reader) { $0.paymentCount[$1] = ArraySlice($2) }
        try fill(width: 1, &reader) { $0.amountSum[$1] = ArraySlice($2) }
        try fill(width: Self.bloomWords, &reader) { $0.merchantBloom[$1] = ArraySlice($2) }
        try fill(width: 1, &reader) { $0.categoryBits[$1] = ArraySlice($2) }
        guard reader.isAtEnd else { throw ModelError.malformed(file: "state snapshot", reason: "trailing bytes") }
    }

    /// Calls `body` for each chunk with the element range of the slots in use (`width` elements a slot).
    private func forEachSlotRange(width: Int, _ body: (CardStateChunk, Range<Int>) -> Void) {
        for (index, chunk) in chunks.enumerated() {
            let used = min(Self.chunkSize, cards.count - index * Self.chunkSize)
            body(chunk, 0..<used * width)
        }
    }

    private mutating func fill<T>(width: Int, _ reader: inout SnapshotReader, _ assign: (inout CardStateChunk, Range<Int>, [T]) -> Void) throws {
        for index in chunks.indices {
            let used = min(Self.chunkSize, cards.count - index * Self.chunkSize)
            let values: [T] = try reader.array(count: used * width)
            assign(&chunks[index], 0..<used * width, values)
        }
    }

    private func append<T: FixedWidthInteger>(_ value: T, to out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
    }
}

/// Reads fixed-width values from a snapshot.
struct SnapshotReader {
    let bytes: [UInt8]
    var offset = 0

    var isAtEnd: Bool { offset == bytes.count }

    mutating func read(count: Int) throws -> [UInt8] {
        guard count >= 0, offset + count <= bytes.count else { throw ModelError.malformed(file: "state snapshot", reason: "truncated") }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    mutating func value<T: FixedWidthInteger>() throws -> T {
        let raw = try read(count: MemoryLayout<T>.size)
        return T(littleEndian: raw.withUnsafeBytes { $0.loadUnaligned(as: T.self) })
    }

    mutating func array<T>(count: Int) throws -> [T] {
        let raw = try read(count: count * MemoryLayout<T>.stride)
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            raw.withUnsafeBytes { source in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: source)
            }
            initialized = count
        }
    }
}
