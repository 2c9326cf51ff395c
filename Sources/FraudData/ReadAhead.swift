import Foundation

/// Runs a blocking chunk reader on a thread of its own, at most `depth` chunks ahead of the consumer, so that
/// inflating a gzip file (about 60 % of reading the full-size fraudTest file) overlaps parsing on another core.
///
/// Chunks reach the consumer in order; a read error is thrown by `read(into:maxCount:)` after the chunks read
/// before it. `stop()` (called by the owner before it releases what `readChunk` uses) ends the thread and waits for it.
final class ReadAhead: @unchecked Sendable {
    /// Fills the buffer with up to the given count of bytes and returns how many; 0 at the end of the input.
    typealias ChunkReader = @Sendable (UnsafeMutableRawPointer, Int) throws -> Int

    private let condition = NSCondition()
    private let depth: Int
    // Shared with the thread, guarded by `condition`.
    private var ready: [[UInt8]] = []
    /// The thread has ended: at the end of the input, on a read error (`failure`) or when stopped.
    private var finished = false
    private var failure: (any Error)?
    private var stopping = false
    // Consumer side only.
    private var current: [UInt8] = []
    private var offset = 0

    /// Starts the thread.
    init(chunkSize: Int, depth: Int, readChunk: @escaping ChunkReader) {
        self.depth = max(depth, 1)
        let thread = Thread { [self] in produce(chunkSize: chunkSize, readChunk: readChunk) }
        thread.name = "fraud.read-ahead"
        thread.start()
    }

    /// Copies up to `maxCount` of the next bytes into `buffer`; returns the count, 0 at the end of the input.
    func read(into buffer: UnsafeMutableRawPointer, maxCount: Int) throws -> Int {
        if offset == current.count {
            condition.lock()
            while ready.isEmpty && !finished { condition.wait() }
            guard !ready.isEmpty else {
                let failure = self.failure
                condition.unlock()
                if let failure { throw failure }
                return 0
            }
            current = ready.removeFirst()
            offset = 0
            condition.broadcast()
            condition.unlock()
        }
        let count = min(maxCount, current.count - offset)
        current.withUnsafeBytes { buffer.copyMemory(from: $0.baseAddress! + offset, byteCount: count) }
        offset += count
        return count
    }

    /// Ends the thread (after the read in progress) and waits until it has.
    func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        while !finished { condition.wait() }
        condition.unlock()
    }

    private func produce(chunkSize: Int, readChunk: ChunkReader) {
        while true {
            condition.lock()
            while ready.count >= depth && !stopping { condition.wait() }
            let stop = stopping
            condition.unlock()
            if stop { break }
            let chunk: [UInt8]
            do {
                chunk = try [UInt8](unsafeUninitializedCapacity: chunkSize) { bytes, count in
                    count = try readChunk(bytes.baseAddress!, chunkSize)
                }
            } catch {
                finish(failure: error)
                return
            }
            guard !chunk.isEmpty else {
                finish(failure: nil)
                return
            }
            condition.lock()
            ready.append(chunk)
            condition.broadcast()
            condition.unlock()
        }
        finish(failure: nil)
    }

    private func finish(failure: (any Error)?) {
        condition.lock()
        self.failure = failure
        finished = true
        condition.broadcast()
        condition.unlock()
    }
}
