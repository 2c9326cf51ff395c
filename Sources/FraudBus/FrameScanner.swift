import FraudCore

/// Walks the frames of a segment file between two positions through a reusable read buffer.
struct FrameScanner {
    /// Why a scan stopped.
    enum End: Equatable {
        /// Every frame up to the limit was visited; the position after the last one.
        case limit(Int)
        /// The visitor asked to stop before the frame at this position.
        case stopped(Int)
        /// The frame at this position is torn or corrupt.
        case invalid(Int, String)
    }

    private var buffer: [UInt8]

    init(chunkSize: Int = 256 << 10) {
        buffer = [UInt8](repeating: 0, count: chunkSize)
    }

    /// Visits frames from `start` to `limit`; `visit(position, body)` returns `false` to stop
    /// before that frame. With `verify`, each body's CRC is checked.
    mutating func scan(
        _ file: LogFile, from start: Int, limit: Int, verify: Bool,
        visit: (Int, UnsafeRawBufferPointer) throws -> Bool
    ) throws -> End {
        var position = start
        while position < limit {
            let wanted = min(buffer.count, limit - position)
            let count = try buffer.withUnsafeMutableBytes { (raw) throws in
                try file.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[0..<wanted]), at: position)
            }
            let chunkStart = position
            var local = 0
            var needsBiggerBuffer = 0
            let end: End? = try buffer.withUnsafeBytes { (raw) throws -> End? in
                while true {
                    if chunkStart + local >= limit { return .limit(chunkStart + local) }
                    guard local + RecordFrame.headerSize <= count else {
                        return count < wanted ? .invalid(chunkStart + local, "truncated frame header") : nil
                    }
                    let length = Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: local, as: UInt32.self)))
                    guard length >= RecordFrame.minimumBody, length <= RecordFrame.maximumBody else {
                        return .invalid(chunkStart + local, "implausible frame length \(length)")
                    }
                    let frameEnd = local + RecordFrame.headerSize + length
                    guard chunkStart + frameEnd <= limit else { return .invalid(chunkStart + local, "frame runs past the end") }
                    guard frameEnd <= count else {
                        if local == 0 { needsBiggerBuffer = RecordFrame.headerSize + length }
                        return nil
                    }
                    let body = UnsafeRawBufferPointer(rebasing: raw[(local + RecordFrame.headerSize)..<frameEnd])
                    if verify {
                        let stored = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: local + 4, as: UInt32.self))
                        guard RecordFrame.checksum(body) == stored else { return .invalid(chunkStart + local, "checksum mismatch") }
                    }
                    guard try visit(chunkStart + local, body) else { return .stopped(chunkStart + local) }
                    local = frameEnd
                }
            }
            if let end { return end }
            if needsBiggerBuffer > 0 {
                buffer = [UInt8](repeating: 0, count: needsBiggerBuffer)
            }
            position = chunkStart + local
        }
        return .limit(position)
    }
}
