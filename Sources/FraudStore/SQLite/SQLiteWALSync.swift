#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FraudCore
import Synchronization

/// Makes a SQLite database's commits survive a power cut under `synchronous = NORMAL`, which writes each commit to
/// the WAL file but syncs that file only at checkpoints: `fdatasync` of the WAL, and `fsync` of its directory the first
/// time a WAL file is synced (its name must be durable too, as SQLite makes it when it syncs the WAL itself).
///
/// Costs nothing when nothing was committed since the last sync. One sync covers every commit before it, so callers
/// coalesce: the embedded bus syncs at most once per offsets write (measured in docs/decisions.md).
final class SQLiteWALSync: Sendable {
    private struct State {
        /// Commits counted so far, and how many of them the last finished sync covered.
        var committed: UInt64 = 0
        var synced: UInt64 = 0
        /// The WAL file (device, inode) whose directory entry was synced.
        var namedFile: (device: UInt64, inode: UInt64)?
    }

    private let walPath: String
    private let directoryPath: String
    private let state = Mutex(State())

    /// For the database file at `databasePath` (its WAL is `<path>-wal`, beside it).
    init(databasePath: String) {
        walPath = databasePath + "-wal"
        directoryPath = databasePath.lastIndex(of: "/").map { String(databasePath[..<$0]).isEmpty ? "/" : String(databasePath[..<$0]) } ?? "."
    }

    /// Counts a commit that returned: the next `sync()` covers it.
    func committed() {
        state.withLock { $0.committed += 1 }
    }

    /// Syncs the commits counted so far; blocks until they are on the device.
    /// - Throws: `StoreError.failed` naming the file and the system's reason.
    func sync() throws {
        let (target, synced) = state.withLock { ($0.committed, $0.synced) }
        guard target != synced else { return }
        let descriptor = open(walPath, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            // No WAL file: nothing was written through one (or the last connection checkpointed and removed it).
            guard errno == ENOENT else { throw Self.failure("open", walPath) }
            return state.withLock { $0.synced = max($0.synced, target) }
        }
        defer { close(descriptor) }
        guard fdatasync(descriptor) == 0 else { throw Self.failure("fdatasync", walPath) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw Self.failure("fstat", walPath) }
        let file = (device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        if state.withLock({ $0.namedFile.map { $0 != file } ?? true }) {
            try syncDirectory()
            state.withLock { $0.namedFile = file }
        }
        state.withLock { $0.synced = max($0.synced, target) }
    }

    private func syncDirectory() throws {
        let descriptor = open(directoryPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Self.failure("open", directoryPath) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw Self.failure("fsync", directoryPath) }
    }

    private static func failure(_ call: String, _ path: String) -> StoreError {
        StoreError(.failed(operation: "sync the SQLite store's write-ahead log", reason: "\(call) '\(path)': \(String(cString: strerror(errno)))"))
    }
}
