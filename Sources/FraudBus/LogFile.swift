#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FraudCore

/// An open file descriptor with positional reads and writes; every failure names the file and the
/// system's error text. Closed in `deinit`, so a segment stays readable while a reader holds it.
final class LogFile: @unchecked Sendable {
    let path: String
    let descriptor: Int32

    /// Opens (creating if needed) `path` for reading and writing.
    init(path: String, create: Bool = true) throws {
        let flags = O_RDWR | O_CLOEXEC | (create ? O_CREAT : 0)
        let descriptor = open(path, flags, 0o644)
        guard descriptor >= 0 else { throw LogFile.error("open", path) }
        self.path = path
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    static func error(_ operation: String, _ path: String) -> BusError {
        BusError(.io, "\(operation) '\(path)': \(String(cString: strerror(errno)))")
    }

    /// The file's size in bytes.
    func size() throws -> Int {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw LogFile.error("fstat", path) }
        return Int(status.st_size)
    }

    /// Writes all of `bytes` at `offset`.
    func write(_ bytes: UnsafeRawBufferPointer, at offset: Int) throws {
        let written = try transfer(bytes.count, "write") { done in
            pwrite(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(offset + done))
        }
        guard written == bytes.count else { throw BusError(.io, "write '\(path)': \(written) of \(bytes.count) bytes written") }
    }

    /// Reads up to `buffer.count` bytes at `offset`; returns how many were read (fewer at end of file).
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws -> Int {
        try transfer(buffer.count, "read") { done in
            pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
        }
    }

    /// Calls `step` (one `pread` or `pwrite` of what is left after `done` bytes) until `count` bytes moved or a step
    /// moves none (end of file); retries a step interrupted by a signal. Returns the bytes moved.
    private func transfer(_ count: Int, _ operation: String, _ step: (_ done: Int) -> Int) throws -> Int {
        var done = 0
        while done < count {
            let moved = step(done)
            if moved < 0 {
                if errno == EINTR { continue }
                throw LogFile.error(operation, path)
            }
            if moved == 0 { break }
            done += moved
        }
        return done
    }

    /// Flushes written data to the device (`fdatasync`).
    func sync() throws {
        guard fdatasync(descriptor) == 0 else { throw LogFile.error("fdatasync", path) }
    }

    /// Cuts the file to `size` bytes.
    func truncate(to size: Int) throws {
        guard ftruncate(descriptor, off_t(size)) == 0 else { throw LogFile.error("ftruncate", path) }
    }

    /// Writes `bytes` to `path` atomically: a temporary file, `fsync`, `rename`, then `fsync` of the directory.
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws {
        let temporary = path + ".tmp"
        let file = try LogFile(path: temporary)
        try file.truncate(to: 0)
        try bytes.withUnsafeBytes { (raw) throws in try file.write(raw, at: 0) }
        guard fsync(file.descriptor) == 0 else { throw LogFile.error("fsync", temporary) }
        guard rename(temporary, path) == 0 else { throw LogFile.error("rename", temporary) }
        try syncDirectory(of: path)
    }

    /// Makes a rename or a new file in the directory of `path` durable.
    static func syncDirectory(of path: String) throws {
        let directory = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let descriptor = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw LogFile.error("open directory", directory) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw LogFile.error("fsync directory", directory) }
    }

    /// The whole contents of `path`, or `nil` when it does not exist.
    static func contents(of path: String) throws -> [UInt8]? {
        guard access(path, F_OK) == 0 else { return nil }
        let file = try LogFile(path: path, create: false)
        let size = try file.size()
        var bytes = [UInt8](repeating: 0, count: size)
        let count = try bytes.withUnsafeMutableBytes { (raw) throws in try file.read(into: raw, at: 0) }
        return Array(bytes.prefix(count))
    }
}
