import Dispatch
import Foundation
import FraudCore
import Synchronization

/// Where a reader is in a partition: the segment, the byte position of the next frame, and its offset.
struct LogCursor {
    var segment: LogSegment
    var position: Int
    var nextOffset: Int64
}

/// One partition of a topic: an append-only sequence of segment files. Appends run one at a time
/// on `queue`; readers see only records that are acknowledged (written and, by default, flushed).
final class PartitionLog: @unchecked Sendable {
    let topic: String
    let partition: Int
    let directory: String
    let configuration: EmbeddedBus.Configuration
    /// Serializes appends; its own thread, so `fdatasync` never blocks the cooperative pool.
    let queue: DispatchQueue

    private struct State {
        var segments: [LogSegment]
        /// Final sizes of sealed segments, by base offset.
        var sealedSizes: [Int64: Int] = [:]
        var activeSize = 0
        var nextOffset: Int64 = 0
        var lastIndexedPosition = 0
        /// Appends of a `.withOffsets` topic written but not yet flushed.
        var unflushed = false
    }
    private let state: Mutex<State>
    /// The flush policy of this partition's topic.
    let flushPolicy: EmbeddedBus.FlushPolicy

    /// Whether appends wait for the next offsets persist to be flushed.
    var flushesWithOffsets: Bool { flushPolicy == .withOffsets }

    /// Opens the partition in `directory`, truncating a torn tail left by a crash.
    init(topic: String, partition: Int, directory: String, configuration: EmbeddedBus.Configuration) throws {
        self.topic = topic
        self.partition = partition
        self.directory = directory
        self.configuration = configuration
        flushPolicy = configuration.flushPolicy(of: topic)
        queue = DispatchQueue(label: "fraud-bus.\(topic).\(partition)")
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let bases = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".log") }.compactMap { Int64($0.dropLast(4)) }.sorted()
        var segments: [LogSegment] = []
        var sealedSizes: [Int64: Int] = [:]
        for base in bases.dropLast() {
            let segment = try LogSegment(directory: directory, baseOffset: base)
            let size = try segment.file.size()
            sealedSizes[base] = size
            if try !segment.loadIndex(segmentSize: size) {
                let (entries, _, _) = try PartitionLog.scanForIndex(segment, size: size, interval: configuration.indexIntervalBytes, verify: false)
                try segment.replaceIndex(entries)
            }
            segments.append(segment)
        }
        let active = try LogSegment(directory: directory, baseOffset: bases.last ?? 0)
        let size = try active.file.size()
        let (entries, validEnd, count) = try PartitionLog.scanForIndex(active, size: size, interval: configuration.indexIntervalBytes, verify: true)
        if validEnd < size {
            try active.file.truncate(to: validEnd)
            try active.file.sync()
        }
        try active.replaceIndex(entries)
        segments.append(active)
        var initial = State(segments: segments, sealedSizes: sealedSizes)
        initial.activeSize = validEnd
        initial.nextOffset = active.baseOffset + count
        initial.lastIndexedPosition = Int(entries.last?.1 ?? 0)
        state = Mutex(initial)
    }

    /// Scans a segment: index entries, the end of its valid prefix, and its record count.
    private static func scanForIndex(
        _ segment: LogSegment, size: Int, interval: Int, verify: Bool
    ) throws -> ([(UInt32, UInt32)], Int, Int64) {
        var entries: [(UInt32, UInt32)] = []
        var expected = segment.baseOffset
        var lastIndexed = 0
        var scanner = FrameScanner()
        let end = try scanner.scan(segment.file, from: 0, limit: size, verify: verify) { position, body in
            guard RecordFrame.offset(ofBody: body) == expected else { return false }
            if position - lastIndexed >= interval {
                entries.append((UInt32(expected - segment.baseOffset), UInt32(position)))
                lastIndexed = position
            }
            expected += 1
            return true
        }
        switch end {
        case .limit(let position), .stopped(let position), .invalid(let position, _):
            return (entries, position, expected - segment.baseOffset)
        }
    }

    /// The offset of the first record kept.
    var startOffset: Int64 { state.withLock { $0.segments[0].baseOffset } }

    /// The offset the next record will get (= records acknowledged so far, from 0).
    var endOffset: Int64 { state.withLock { $0.nextOffset } }

    /// Appends records and flushes them per the flush policy. Call on `queue` only.
    func append(_ messages: [BusMessage], timestamp: Int64) throws {
        var (active, position, offset, lastIndexed) = state.withLock { ($0.segments.last!, $0.activeSize, $0.nextOffset, $0.lastIndexedPosition) }
        if position >= configuration.segmentBytes {
            active = try roll(at: offset, sealing: active, size: position)
            position = 0
            lastIndexed = 0
        }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(messages.count * 512)
        var entries: [(Int64, Int)] = []
        for message in messages {
            let framePosition = position + buffer.count
            if framePosition - lastIndexed >= configuration.indexIntervalBytes {
                entries.append((offset, framePosition))
                lastIndexed = framePosition
            }
            RecordFrame.append(message, offset: offset, timestamp: message.timestamp ?? timestamp, to: &buffer)
            offset += 1
        }
        try buffer.withUnsafeBytes { (raw) throws in try active.file.write(raw, at: position) }
        if flushPolicy == .everyBatch { try active.file.sync() }
        let newSize = position + buffer.count
        try state.withLock { (state) throws in
            state.unflushed = state.unflushed || flushPolicy == .withOffsets
            for entry in entries { try active.addIndexEntry(offset: entry.0, position: entry.1) }
            state.activeSize = newSize
            state.nextOffset = offset
            state.lastIndexedPosition = lastIndexed
        }
    }

    /// Flushes the active segment when it holds unflushed appends (`.withOffsets`). Call on `queue` only, so every
    /// append acknowledged before the call is covered.
    func flushDeferred() throws {
        let (active, unflushed) = state.withLock { state in
            defer { state.unflushed = false }
            return (state.segments.last!, state.unflushed)
        }
        guard unflushed else { return }
        do {
            try active.file.sync()
        } catch {
            state.withLock { $0.unflushed = true }
            throw error
        }
    }

    /// Seals the active segment and starts a new one at `offset`, then applies retention.
    private func roll(at offset: Int64, sealing old: LogSegment, size: Int) throws -> LogSegment {
        try old.file.sync()
        try old.indexFile.sync()
        let segment = try LogSegment(directory: directory, baseOffset: offset)
        try LogFile.syncDirectory(of: segment.file.path)
        let removed: [LogSegment] = state.withLock { state in
            state.sealedSizes[old.baseOffset] = size
            state.segments.append(segment)
            state.activeSize = 0
            state.lastIndexedPosition = 0
            var removed: [LogSegment] = []
            guard let retention = configuration.retentionBytes else { return removed }
            var total = state.sealedSizes.values.reduce(0, +)
            while state.segments.count > 1, total > retention {
                let oldest = state.segments.removeFirst()
                total -= state.sealedSizes.removeValue(forKey: oldest.baseOffset) ?? 0
                removed.append(oldest)
            }
            return removed
        }
        // Readers holding a removed segment keep reading it through their open descriptor.
        for segment in removed {
            unlink(segment.file.path)
            unlink(segment.indexFile.path)
        }
        return segment
    }

    /// A cursor at `offset`, clamped to the records kept.
    func cursor(at offset: Int64) throws -> LogCursor {
        let (segment, target, start, limit) = state.withLock { state in
            let target = min(max(offset, state.segments[0].baseOffset), state.nextOffset)
            let segment = state.segments.last { $0.baseOffset <= target } ?? state.segments[0]
            let start = segment.indexedPosition(atOrBefore: target)
            let limit = state.sealedSizes[segment.baseOffset] ?? state.activeSize
            return (segment, target, start, limit)
        }
        var scanner = FrameScanner(chunkSize: 64 << 10)
        let end = try scanner.scan(segment.file, from: start.position, limit: limit, verify: false) { _, body in
            RecordFrame.offset(ofBody: body) < target
        }
        switch end {
        case .limit(let position), .stopped(let position):
            return LogCursor(segment: segment, position: position, nextOffset: target)
        case .invalid(let position, let reason):
            throw corruption(segment, position, reason)
        }
    }

    /// Reads up to `maxRecords` acknowledged records from `cursor` into `records`, advancing it.
    func read(from cursor: inout LogCursor, maxRecords: Int, into records: inout [BusRecord]) throws {
        var budget = maxRecords
        while budget > 0 {
            let (limit, next) = state.withLock { state -> (Int, LogSegment?) in
                if let sealed = state.sealedSizes[cursor.segment.baseOffset], cursor.segment !== state.segments.last {
                    let next = state.segments.first { $0.baseOffset > cursor.segment.baseOffset }
                    return (sealed, next)
                }
                if !state.segments.contains(where: { $0 === cursor.segment }) {
                    // Removed by retention and not sealed in our view: move to the oldest kept segment.
                    return (cursor.position, state.segments[0])
                }
                return (state.activeSize, nil)
            }
            if cursor.position >= limit {
                guard let next else { return }
                cursor = LogCursor(segment: next, position: 0, nextOffset: max(cursor.nextOffset, next.baseOffset))
                continue
            }
            var scanner = FrameScanner(chunkSize: min(256 << 10, max(4096, limit - cursor.position)))
            let topic = self.topic
            let partition = self.partition
            var position = cursor.position
            var nextOffset = cursor.nextOffset
            var appended = 0
            let end = try scanner.scan(cursor.segment.file, from: cursor.position, limit: limit, verify: true) { (framePosition, body) throws in
                guard appended < budget else { return false }
                guard let record = RecordFrame.record(fromBody: body, topic: topic, partition: partition) else {
                    throw BusError(.corrupt, "\(topic)[\(partition)] record at byte \(framePosition) has inconsistent lengths")
                }
                records.append(record)
                appended += 1
                position = framePosition + RecordFrame.headerSize + body.count
                nextOffset = record.offset + 1
                return true
            }
            if case .invalid(let at, let reason) = end { throw corruption(cursor.segment, at, reason) }
            cursor.position = position
            cursor.nextOffset = nextOffset
            budget -= appended
            if appended == 0 { return }
        }
    }

    private func corruption(_ segment: LogSegment, _ position: Int, _ reason: String) -> BusError {
        BusError(.corrupt, "\(topic)[\(partition)] segment \(segment.file.path) at byte \(position): \(reason)")
    }
}
