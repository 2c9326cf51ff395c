import FraudCore
import GRDB
import Logging

/// The embedded store: one SQLite file in WAL mode (`sqlite:PATH`), through GRDB and the system libsqlite3.
///
/// Readers never block the writer (WAL); a busy database is waited on for up to 5 s. Commits use
/// `synchronous = NORMAL`: a committed write survives a crash of the process at once, and a power cut once `sync()`
/// returned. Labels and registry writes sync before they return; the pipeline's batch writes are synced by the
/// workers' consumers, once per offsets write, before the offsets that cover them (docs/decisions.md).
package final class SQLiteStore: Store, ModelStore, SQLStore {
    let pool: DatabasePool
    let checkpointer: SQLiteCheckpointer
    let walSync: SQLiteWALSync
    /// Whether payments are keyed by `trans_key` (schema version 5 on; older versions are opened by upgrade tests only).
    let keyed: Bool
    /// The database file.
    package let path: String
    let logger: Logger
    let dialect = SQLDialect.sqlite

    private init(pool: DatabasePool, checkpointer: SQLiteCheckpointer, schemaVersion: Int, path: String, logger: Logger) {
        self.pool = pool
        self.checkpointer = checkpointer
        walSync = SQLiteWALSync(databasePath: path)
        keyed = schemaVersion >= 5
        self.path = path
        self.logger = logger
    }

    /// Opens (creating if needed) the database at `path` and upgrades its schema to the latest version.
    package static func open(path: String, logger: Logger = Logger(label: "fraud.store.sqlite")) async throws -> SQLiteStore {
        try await open(path: path, schemaVersion: StoreSchema.latestVersion, logger: logger)
    }

    /// Opens the database and migrates it up to `schemaVersion` only (tests of upgrades from older versions);
    /// `syncEveryCommit` runs it with `synchronous = FULL` instead (the benchmark of the choice in docs/decisions.md).
    package static func open(path: String, schemaVersion: Int, syncEveryCommit: Bool = false,
                             logger: Logger = Logger(label: "fraud.store.sqlite")) async throws -> SQLiteStore {
        if !SQLiteProcessSettings.memoryStatisticsOff {
            logger.debug("SQLite was initialised before the first store: its memory statistics stay on")
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            // 32 KiB pages for a new database (an existing one keeps its size): fewer, fuller pages per batch
            // (SQLite's own insert of the store's rows: +25 % rows per CPU-second over 16 KiB, docs/store.md).
            try db.execute(sql: "PRAGMA page_size = 32768")
            try db.execute(sql: syncEveryCommit ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL")
            // The trans_key index takes random inserts: with SQLite's default 2 MiB cache every insert misses.
            try db.execute(sql: "PRAGMA cache_size = -65536")
            // Checkpoints run on their own connection (SQLiteCheckpointer); the writer's automatic one only bounds the WAL.
            try db.execute(sql: "PRAGMA wal_autocheckpoint = \(SQLiteCheckpointer.walBoundPages)")
            db.add(function: TransactionKey.sqlFunction)
        }
        let pool: DatabasePool
        let checkpointer: SQLiteCheckpointer
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            checkpointer = try SQLiteCheckpointer(path: path, logger: logger)
        } catch {
            throw StoreError(.failed(operation: "open SQLite database '\(path)'", reason: "\(error)"))
        }
        let store = SQLiteStore(pool: pool, checkpointer: checkpointer, schemaVersion: schemaVersion, path: path, logger: logger)
        try await store.migrate(upTo: schemaVersion)
        return store
    }

    /// Applies the migrations not yet recorded in `schema_migrations`, each in its own transaction.
    func migrate(upTo target: Int) async throws {
        let applied = try await run("migrate schema") { db -> [Int] in
            try db.execute(sql: SQLDialect.sqlite.ddl(StoreSchema.migrationsTable))
            let done = Set(try Int.fetchAll(db, sql: "SELECT version FROM schema_migrations"))
            var applied: [Int] = []
            for migration in StoreSchema.migrations where migration.version <= target && !done.contains(migration.version) {
                try db.inSavepoint {
                    for statement in migration.statements(for: .sqlite) { try db.execute(sql: statement) }
                    try db.execute(sql: "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                                   arguments: [migration.version, migration.name, WallClock.now.millisecondsSinceEpoch])
                    return .commit
                }
                applied.append(migration.version)
            }
            return applied
        }
        if !applied.isEmpty { logger.info("applied schema migrations \(applied) to \(path)") }
    }

    /// The schema versions recorded as applied.
    package func appliedMigrations() async throws -> [Int] {
        try await pool.read { db in try Int.fetchAll(db, sql: "SELECT version FROM schema_migrations ORDER BY version") }
    }

    package func close() async throws {
        try checkpointer.close()
        try pool.close()
    }

    package func sync() throws {
        try walSync.sync()
    }

    /// Runs `body` in a write transaction; failures become a `StoreError` naming the operation.
    func run<T: Sendable>(_ operation: String, _ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let value = try await naming(operation) { try await self.pool.write(body) }
        walSync.committed()
        return value
    }

    /// `run`, then a sync: for writes acknowledged to a person or a client (labels, the registry), which no offsets
    /// cover and nothing would redo after a power cut.
    func runDurably<T: Sendable>(_ operation: String, _ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let value = try await run(operation, body)
        try await syncInBackground()
        return value
    }

    /// Runs `body` on a reader.
    func read<T: Sendable>(_ operation: String, _ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await naming(operation) { try await self.pool.read(body) }
    }

    private func naming<T>(_ operation: String, _ body: () async throws -> T) async throws -> T {
        try await mappingErrors(body) { StoreError(.failed(operation: operation, reason: "\($0)")) }
    }

    /// Fetches the rows of `statement` and decodes each with `decode`.
    func fetch<T: Sendable>(_ operation: String, _ statement: SQLStatement, _ decode: @escaping @Sendable (SQLiteRowReader) throws -> T) async throws -> [T] {
        let sql = statement.sql
        let arguments = StatementArguments(statement.values.map(\.databaseValue))
        return try await read(operation) { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map { try decode(SQLiteRowReader(row: $0)) }
        }
    }
}

/// A GRDB row read by column name.
struct SQLiteRowReader: SQLRowReader {
    let row: Row

    func int64(_ column: String) throws -> Int64? { try row.decode(Int64?.self, forColumn: column) }
    func double(_ column: String) throws -> Double? { try row.decode(Double?.self, forColumn: column) }
    func text(_ column: String) throws -> String? { try row.decode(String?.self, forColumn: column) }
    func bool(_ column: String) throws -> Bool? { try row.decode(Int64?.self, forColumn: column).map { $0 != 0 } }
}

extension SQLValue {
    var databaseValue: DatabaseValue {
        switch self {
        case .int(let value): value.databaseValue
        case .double(let value): value.databaseValue
        case .text(let value): value.databaseValue
        case .bool(let value): (value ? 1 : 0).databaseValue
        case .null: .null
        }
    }
}
