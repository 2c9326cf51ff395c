import FraudCore

/// One segment file of a partition (`<base offset>.log`) and its sparse index (`<base offset>.index`:
/// pairs of u32 offset-minus-base and u32 byte position, one per `indexInterval` bytes).
final class LogSegment: @unchecked Sendable {
    let baseOffset: Int64
    let file: LogFile
    let indexFile: LogFile
    /// Index entries: (offset - base, position); guarded by the owning `PartitionLog`'s lock.
    var index: [(UInt32, UInt32)] = []
    /// Bytes written to the index file.
    var indexBytes = 0

    init(directory: String, baseOffset: Int64) throws {
        self.baseOffset = baseOffset
        let name = LogSegment.name(baseOffset)
        file = try LogFile(path: "\(directory)/\(name).log")
        indexFile = try LogFile(path: "\(directory)/\(name).index")
    }

    /// The 20-digit zero-padded base offset, so file names sort by offset.
    static func name(_ baseOffset: Int64) -> String {
        let digits = String(baseOffset)
        return String(repeating: "0", count: max(0, 20 - digits.count)) + digits
    }

    /// Loads the index file; `false` when it is missing or inconsistent with `size` (then rebuild by scanning).
    func loadIndex(segmentSize: Int) throws -> Bool {
        guard let bytes = try LogFile.contents(of: indexFile.path), bytes.count % 8 == 0 else { return false }
        var entries: [(UInt32, UInt32)] = []
        var previous: (UInt32, UInt32)?
        for start in stride(from: 0, to: bytes.count, by: 8) {
            let relative = bytes.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: start, as: UInt32.self)) }
            let position = bytes.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: start + 4, as: UInt32.self)) }
            if let previous, relative <= previous.0 || position <= previous.1 { return false }
            guard Int(position) < segmentSize else { return false }
            entries.append((relative, position))
            previous = (relative, position)
        }
        index = entries
        indexBytes = bytes.count
        return true
    }

    /// Records that the frame of `offset` starts at `position` (in memory and in the index file).
    func addIndexEntry(offset: Int64, position: Int) throws {
        let entry = (UInt32(offset - baseOffset), UInt32(position))
        index.append(entry)
        var bytes: [UInt8] = []
        withUnsafeBytes(of: entry.0.littleEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: entry.1.littleEndian) { bytes.append(contentsOf: $0) }
        try bytes.withUnsafeBytes { (raw) throws in try indexFile.write(raw, at: indexBytes) }
        indexBytes += 8
    }

    /// Rewrites the index file from `entries` (after recovery).
    func replaceIndex(_ entries: [(UInt32, UInt32)]) throws {
        index = []
        indexBytes = 0
        try indexFile.truncate(to: 0)
        for entry in entries { try addIndexEntry(offset: baseOffset + Int64(entry.0), position: Int(entry.1)) }
    }

    /// The position of the last indexed frame at or before `offset` (0 if none).
    func indexedPosition(atOrBefore offset: Int64) -> (offset: Int64, position: Int) {
        let relative = offset - baseOffset
        var low = 0
        var high = index.count
        while low < high {
            let middle = (low + high) / 2
            if Int64(index[middle].0) <= relative { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return (baseOffset, 0) }
        let entry = index[low - 1]
        return (baseOffset + Int64(entry.0), Int(entry.1))
    }
}
