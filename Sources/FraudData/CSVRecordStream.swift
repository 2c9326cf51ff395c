import FraudCore

/// Yields the CSV records of a file one at a time from a reusable buffer (constant memory).
///
/// After `advance()` returns `true`, `fields` and `bytes` describe the current record until
/// the next call.
final class CSVRecordStream {
    let file: CompressedFileReader
    /// Field ranges of the current record, relative to `bytes`.
    private(set) var fields: [CSVFieldRange] = []
    /// Line number where the current record starts (1-based).
    private(set) var recordLine: Int64 = 0
    /// Byte range of the current record in `bytes`, line break included.
    private(set) var recordRange: Range<Int> = 0..<0

    private var buffer: UnsafeMutableRawBufferPointer
    private var start = 0
    private var end = 0
    private var atEndOfInput = false
    private var nextLine: Int64 = 1

    init(file: CompressedFileReader, chunkSize: Int) {
        self.file = file
        self.buffer = .allocate(byteCount: max(chunkSize, 64), alignment: 16)
        fields.reserveCapacity(32)
    }

    deinit {
        buffer.deallocate()
    }

    /// The bytes that `fields` and `recordRange` refer to.
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(buffer)[0..<end]) }

    /// The bytes of the current record, without its line break.
    var rawRecord: UnsafeRawBufferPointer {
        var end = recordRange.upperBound
        while end > recordRange.lowerBound, bytes[end - 1] == UInt8(ascii: "\n") || bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return UnsafeRawBufferPointer(rebasing: bytes[recordRange.lowerBound..<end])
    }

    /// Moves to the next record; `false` at the end of input.
    /// - Throws: `CSVRecordError.unterminatedQuote` (the rest of the input is consumed) or a read error.
    func advance() throws -> Bool {
        while true {
            if start >= end && atEndOfInput { return false }
            switch CSVScanner.scanRecord(in: bytes, from: start, atEndOfInput: atEndOfInput, fields: &fields) {
            case .record(let next, let lineBreaks):
                recordRange = start..<next
                recordLine = nextLine
                nextLine += Int64(max(lineBreaks, 1))
                start = next
                return true
            case .unterminatedQuote:
                recordRange = start..<end
                recordLine = nextLine
                let raw = Array(rawRecord)
                start = end
                throw CSVRecordError.unterminatedQuote(line: recordLine, raw: raw)
            case .needMoreInput:
                try refill()
            }
        }
    }

    private func refill() throws {
        let pending = end - start
        if pending > 0 && start > 0 {
            buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + start, byteCount: pending)
        }
        start = 0
        end = pending
        if end == buffer.count {
            // One record is larger than the buffer: grow it.
            let bigger = UnsafeMutableRawBufferPointer.allocate(byteCount: buffer.count * 2, alignment: 16)
            bigger.baseAddress!.copyMemory(from: buffer.baseAddress!, byteCount: end)
            buffer.deallocate()
            buffer = bigger
        }
        let count = try file.read(into: buffer.baseAddress! + end, maxCount: buffer.count - end)
        if count == 0 { atEndOfInput = true }
        end += count
    }
}

/// A record that cannot be split into fields.
enum CSVRecordError: Error {
    case unterminatedQuote(line: Int64, raw: [UInt8])
}
