import FraudCore
import Synchronization

/// Reads a file's bytes: plain files unchanged, gzip files inflated (`FileDecoder`); `-` reads standard input.
///
/// A named file is decoded on a thread of its own a few chunks ahead of the reader (`ReadAhead`); standard input
/// is read in place, since a thread blocked on a pipe could not be stopped.
package final class CompressedFileReader {
    /// The decoder, used by one thread at a time (the read-ahead thread, or the reader for standard input).
    private struct Decoder: @unchecked Sendable {
        let file: FileDecoder
    }

    private let decoder: Decoder
    private let readAhead: ReadAhead?
    /// The file's size in bytes (`nil` for standard input), and how many of them have been consumed so far.
    private let size: Int64?
    private let consumed = ConsumedBytes()
    /// The path as given.
    package let path: String

    /// The share of the file consumed so far, 0...1 (`nil` for standard input); a little ahead of what the caller
    /// read, by the read-ahead's chunks.
    package var fractionRead: Double? {
        guard let size, size > 0 else { return size == nil ? nil : 1 }
        return min(1, Double(consumed.offset) / Double(size))
    }

    /// Opens `path` for reading.
    /// - Throws: `DataFileError.cannotOpen` when the file does not exist or cannot be read, `.corrupt` when it is
    ///   compressed in a format other than gzip.
    package init(path: String) throws {
        let decoder = Decoder(file: try FileDecoder(path: path))
        self.decoder = decoder
        self.path = path
        var status = stat()
        size = path != "-" && stat(path, &status) == 0 ? Int64(status.st_size) : nil
        let consumed = self.consumed
        readAhead = path == "-" ? nil : ReadAhead(chunkSize: 1 << 20, depth: 4) { buffer, maxCount in
            let count = try decoder.file.read(into: buffer, maxCount: maxCount)
            consumed.offset = decoder.file.consumed
            return count
        }
    }

    deinit {
        readAhead?.stop()
    }

    /// Reads up to `maxCount` bytes into `buffer`; returns the count read, 0 at the end of the file.
    /// - Throws: `DataFileError.corrupt` when the file cannot be read, or its gzip data is damaged or truncated
    ///   (after the bytes before the damage).
    package func read(into buffer: UnsafeMutableRawPointer, maxCount: Int) throws -> Int {
        if let readAhead { return try readAhead.read(into: buffer, maxCount: maxCount) }
        return try decoder.file.read(into: buffer, maxCount: maxCount)
    }
}

/// A data file that could not be opened, read or written.
package enum DataFileError: Error, Hashable, Sendable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case corrupt(path: String, reason: String)
    case cannotWrite(path: String, reason: String)
    case header(path: String, CSVHeaderErrorDescription)

    package var description: String {
        switch self {
        case .cannotOpen(let path, let reason): return "cannot open '\(path)': \(reason)"
        case .corrupt(let path, let reason): return "cannot read '\(path)': \(reason)"
        case .cannotWrite(let path, let reason): return "cannot write '\(path)': \(reason)"
        case .header(let path, let error): return "'\(path)' is not in the fraudTest format: \(error.text)"
        }
    }
}

/// The text of a header error, kept as a value so `DataFileError` stays `Hashable`.
package struct CSVHeaderErrorDescription: Hashable, Sendable {
    package var text: String
}

/// How far into its file zlib has read, set by the read-ahead thread and read by the caller's.
private final class ConsumedBytes: Sendable {
    private let value = Mutex<Int64>(0)

    var offset: Int64 {
        get { value.withLock { $0 } }
        set { value.withLock { $0 = newValue } }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
