import GRDB
import Logging
import Synchronization

/// Copies the WAL of a SQLite store back into its database file on a connection of its own, so that batch writes do
/// not wait for checkpoints (measured in docs/store.md).
///
/// After each committed write the store calls `request()`; the checkpointer then runs a PASSIVE checkpoint (it never
/// blocks the writer or readers), coalescing requests that arrive while one runs. The writer keeps SQLite's automatic
/// checkpoint as the bound on the WAL (`walBoundPages`): when writes outpace the checkpointer, the writer's own
/// checkpoint at that size finishes the copy and the WAL starts over. Durability is unchanged: a checkpoint syncs the
/// WAL before copying it, and commits are as durable as `synchronous = NORMAL` makes them.
final class SQLiteCheckpointer: Sendable {
    /// The WAL size (pages) at which the writer checkpoints itself (`PRAGMA wal_autocheckpoint`): 64 MiB of the store's
    /// 32 KiB pages (32 MiB on a database created with 16 KiB pages before, 8 MiB with SQLite's default 4 KiB pages).
    static let walBoundPages = 2_048

    private let queue: DatabaseQueue
    private let logger: Logger
    private let state = Mutex(State())

    private struct State {
        var running = false
        var again = false
        var closed = false
    }

    init(path: String, logger: Logger) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        queue = try DatabaseQueue(path: path, configuration: configuration)
        self.logger = logger
        // A connection checkpoints only once it has opened the WAL, which its first read does.
        try queue.writeWithoutTransaction { db in _ = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master") }
    }

    /// Asks for a checkpoint of what has been committed so far; returns at once.
    func request() {
        let start = state.withLock { state -> Bool in
            guard !state.closed else { return false }
            if state.running {
                state.again = true
                return false
            }
            state.running = true
            return true
        }
        if start { checkpoint() }
    }

    private func checkpoint() {
        queue.asyncWriteWithoutTransaction { [self] db in
            do {
                try db.checkpoint(.passive)
            } catch {
                logger.warning("SQLite background checkpoint failed (the writer's own checkpoint still bounds the WAL): \(error)")
            }
            let again = state.withLock { state -> Bool in
                state.running = state.again && !state.closed
                state.again = false
                return state.running
            }
            if again { checkpoint() }
        }
    }

    /// Waits for a running checkpoint and closes the connection.
    func close() throws {
        state.withLock { $0.closed = true }
        queue.writeWithoutTransaction { _ in }
        try queue.close()
    }
}
