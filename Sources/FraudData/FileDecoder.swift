import CZlib

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file descriptor's bytes as they are, or inflated when they start like gzip (one member or several
/// concatenated). Every gzip member must end where zlib says it does: a file that ends inside a member (truncated)
/// or holds damaged data is an error naming the path and the compressed byte, never a short read.
///
/// Files compressed some other way (xz, bzip2, zstd, zip) are refused by their magic bytes rather than read as text.
final class FileDecoder {
    private let descriptor: Int32
    private let closesDescriptor: Bool
    private let path: String
    private var input: UnsafeMutableRawBufferPointer
    /// Where the unread input bytes lie in `input` (plain files before reading straight into the caller's buffer).
    private var pending: Range<Int> = 0..<0
    /// Bytes read from the file so far.
    private var fileBytesRead: Int64 = 0
    private var endOfFile = false
    /// zlib's inflater, once the file turned out to be gzip; on the heap, since zlib keeps its address.
    private var stream: UnsafeMutablePointer<z_stream>?
    /// A gzip member has started and zlib has not reported its end yet.
    private var memberOpen = false

    /// Opens `path` (`-` for standard input).
    /// - Throws: `DataFileError.cannotOpen`, or `.corrupt` for a file compressed in a format other than gzip.
    init(path: String) throws {
        self.path = path
        if path == "-" {
            descriptor = 0
            closesDescriptor = false
        } else {
            descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else { throw DataFileError.cannotOpen(path: path, reason: String(cString: strerror(errno))) }
            closesDescriptor = true
        }
        input = .allocate(byteCount: 1 << 17, alignment: 16)
        try sniff()
    }

    deinit {
        if let stream {
            inflateEnd(stream)
            stream.deallocate()
        }
        if closesDescriptor { close(descriptor) }
        input.deallocate()
    }

    /// Compressed bytes consumed so far (all bytes read, for a plain file).
    var consumed: Int64 {
        fileBytesRead - Int64(stream.map { Int($0.pointee.avail_in) } ?? pending.count)
    }

    /// Reads up to `maxCount` bytes into `buffer`; returns the count read, 0 at the end of the file.
    /// - Throws: `DataFileError.corrupt` when the file cannot be read, or its gzip data is damaged or truncated.
    func read(into buffer: UnsafeMutableRawPointer, maxCount: Int) throws -> Int {
        guard maxCount > 0 else { return 0 }
        if let stream { return try inflate(stream, into: buffer, maxCount: maxCount) }
        if !pending.isEmpty {
            let count = min(maxCount, pending.count)
            buffer.copyMemory(from: input.baseAddress! + pending.lowerBound, byteCount: count)
            pending = pending.lowerBound + count..<pending.upperBound
            return count
        }
        return try readFile(into: buffer, maxCount: maxCount)
    }

    /// Reads the first bytes and decides: gzip (starts an inflater), another compression (refused) or plain.
    private func sniff() throws {
        var count = 0
        while count < 6, !endOfFile { count += try readFile(into: input.baseAddress! + count, maxCount: input.count - count) }
        pending = 0..<count
        let head = Array(UnsafeRawBufferPointer(rebasing: input[0..<min(count, 6)]))
        if head.starts(with: [0x1F, 0x8B]) {
            let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
            stream.initialize(to: z_stream())
            guard fraud_inflate_init_gzip(stream) == Z_OK else {
                stream.deallocate()
                throw corrupt("zlib could not start inflating")
            }
            stream.pointee.next_in = input.baseAddress!.assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_in = UInt32(count)
            pending = 0..<0
            self.stream = stream
            memberOpen = true
            return
        }
        let others: [(magic: [UInt8], name: String, tool: String)] = [
            ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "xz", "xz -d"), ([0x42, 0x5A, 0x68], "bzip2", "bunzip2"),
            ([0x28, 0xB5, 0x2F, 0xFD], "zstd", "zstd -d"), ([0x50, 0x4B, 0x03, 0x04], "zip", "unzip"),
        ]
        if let other = others.first(where: { head.starts(with: $0.magic) }) {
            throw corrupt("compressed with \(other.name), which is not supported (only gzip is): decompress it first (\(other.tool))")
        }
    }

    private func inflate(_ stream: UnsafeMutablePointer<z_stream>, into buffer: UnsafeMutableRawPointer, maxCount: Int) throws -> Int {
        while true {
            if stream.pointee.avail_in == 0, !endOfFile {
                let count = try readFile(into: input.baseAddress!, maxCount: input.count)
                stream.pointee.next_in = input.baseAddress!.assumingMemoryBound(to: Bytef.self)
                stream.pointee.avail_in = UInt32(count)
            }
            if stream.pointee.avail_in == 0 {
                // End of file: complete only between members.
                guard !memberOpen else {
                    throw corrupt("truncated gzip stream at compressed byte \(consumed) (the file ends inside a gzip member)")
                }
                return 0
            }
            if !memberOpen {
                // Bytes after a member: the next member (zlib checks its header).
                inflateReset(stream)
                memberOpen = true
            }
            stream.pointee.next_out = buffer.assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_out = UInt32(clamping: maxCount)
            let status = CZlib.inflate(stream, Z_NO_FLUSH)
            let produced = maxCount - Int(stream.pointee.avail_out)
            switch status {
            case Z_STREAM_END:
                memberOpen = false
            case Z_OK, Z_BUF_ERROR:
                break
            default:
                let message = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                throw corrupt("corrupt gzip data at compressed byte \(consumed): \(message)")
            }
            if produced > 0 { return produced }
        }
    }

    /// One `read(2)`, retried when interrupted; sets `endOfFile` at 0.
    private func readFile(into buffer: UnsafeMutableRawPointer, maxCount: Int) throws -> Int {
        while true {
            let count = systemRead(descriptor, buffer, maxCount)
            if count >= 0 {
                if count == 0 { endOfFile = true }
                fileBytesRead += Int64(count)
                return count
            }
            guard errno == EINTR else { throw corrupt(String(cString: strerror(errno))) }
        }
    }

    private func corrupt(_ reason: String) -> DataFileError {
        DataFileError.corrupt(path: path, reason: reason)
    }
}

/// `read(2)` (the name `read` is taken inside the class).
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
