import FraudCore
import GRDB
import GRDBSQLite

/// Feature state in one SQLite file in WAL mode (`sqlite:PATH`; the embedded bus keeps it in its directory), through
/// GRDB; the bulk paths (a partition's cards, a checkpoint's cards) bind and read through the C API, measured faster
/// than GRDB's arguments and rows (100,000 cards of 658 bytes, release build: writes 168-187k against 123-149k
/// cards/s, reads 1.09-1.20M against 0.86-0.95M cards/s).
///
/// Durability: `synchronous = FULL`, so `write` returns only once its checkpoint is synced to the WAL, and what the
/// scorer does next (commit its group offset to the bus, which syncs too, publish, acknowledge) never outlives the
/// checkpoint in a power cut. `NORMAL` would save one WAL sync per checkpoint, lost in the noise here (a 1,000-card
/// checkpoint: 7.4-7.6 ms against 7.0-12 ms, debug build). What a power cut rolls back under `NORMAL` is still a
/// whole, earlier checkpoint: cards and offset are one transaction, and WAL recovery keeps only committed
/// transactions. The scorer restores that checkpoint and reads the input again from its offset, deriving the same
/// state; only the order with the bus's own durable offset would be lost.
///
/// One process writes; readers never block it (WAL), nor does it block them. API readers in other processes open the
/// file with `readOnly: true`: they never take the write lock, and read the last committed checkpoint.
package final class SQLiteFeatureStateStore: FeatureStateStore {
    let pool: DatabasePool
    /// The database file.
    package let path: String
    /// Whether this store only reads (`claim` and `write` throw).
    package let readOnly: Bool

    private init(pool: DatabasePool, path: String, readOnly: Bool) {
        self.pool = pool
        self.path = path
        self.readOnly = readOnly
    }

    /// Opens the feature state at `path`: created and migrated to the latest schema if needed, or, when `readOnly`,
    /// an existing file at the latest schema, opened without ever taking the write lock.
    /// - Throws: `FeatureStateError.unavailable` naming the path (not a database, missing, newer schema).
    package static func open(path: String, readOnly: Bool = false) async throws -> SQLiteFeatureStateStore {
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        let store: SQLiteFeatureStateStore
        do {
            store = SQLiteFeatureStateStore(pool: try DatabasePool(path: path, configuration: configuration), path: path, readOnly: readOnly)
        } catch {
            throw unavailable(path, "open", error)
        }
        do {
            if readOnly { try await store.checkReadable() } else { try await store.migrate() }
        } catch {
            try? store.pool.close()
            throw error
        }
        return store
    }

    private func migrate() async throws {
        try await writing("create the feature state tables") { db in
            try db.execute(sql: FeatureStateSchema.ddl(FeatureStateSchema.migrationsTable, .sqlite))
            let applied = Set(try Int.fetchAll(db, sql: "SELECT version FROM feature_state_migrations"))
            try FeatureStateSchema.checkVersion(applied.max(), of: "'\(self.path)'")
            for migration in FeatureStateSchema.migrations where !applied.contains(migration.version) {
                for statement in FeatureStateSchema.statements(migration, .sqlite) { try db.execute(sql: statement) }
                try db.execute(sql: "INSERT INTO feature_state_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                               arguments: [migration.version, migration.name, WallClock.now.millisecondsSinceEpoch])
            }
        }
    }

    /// A read-only store cannot migrate: the file must already be at the latest schema.
    private func checkReadable() async throws {
        let newest = try await reading("read the feature state schema version") { db -> Int? in
            guard try db.tableExists("feature_state_migrations") else { return nil }
            return try Int.fetchOne(db, sql: "SELECT MAX(version) FROM feature_state_migrations")
        }
        try FeatureStateSchema.checkVersion(newest, of: "'\(path)'")
        guard newest == FeatureStateSchema.latestVersion else {
            throw FeatureStateError(.unavailable, "'\(path)' holds no feature state at schema version \(FeatureStateSchema.latestVersion) (found \(newest.map(String.init) ?? "none")); a scorer creates it")
        }
    }

    package func claim(_ scope: FeatureStateScope, partition: Int) async throws -> PartitionClaim {
        let now = WallClock.now.millisecondsSinceEpoch
        let (epoch, nextOffset, cards) = try await writing("claim partition \(partition) of \(scope)") { db -> (Int64, Int64?, [CardStateRecord]) in
            let raised = try Row.fetchOne(db, sql: """
                INSERT INTO feature_partitions (consumer_group, topic, partition, next_offset, epoch, updated_at) VALUES (?, ?, ?, NULL, 1, ?)
                ON CONFLICT (consumer_group, topic, partition) DO UPDATE SET epoch = epoch + 1, updated_at = excluded.updated_at
                RETURNING epoch, next_offset
                """, arguments: [scope.group, scope.topic, partition, now])!
            let statement = try db.cachedStatement(sql: """
                SELECT cc_num, state FROM feature_cards WHERE consumer_group = ? AND topic = ? AND partition = ? ORDER BY cc_num
                """)
            try statement.setArguments([scope.group, scope.topic, partition])
            var cards: [CardStateRecord] = []
            try Self.readCards(statement, db, scope, partition) { cards.append($0) }
            return (raised["epoch"], raised["next_offset"], cards)
        }
        return try FeatureStateSchema.claim(scope, partition: partition, epoch: epoch, nextOffset: nextOffset, cards: cards)
    }

    package func write(_ scope: FeatureStateScope, _ deltas: [PartitionDelta]) async throws -> Set<Int> {
        guard !deltas.isEmpty else { return [] }
        let now = WallClock.now.millisecondsSinceEpoch
        return try await writing("write the checkpoint of \(deltas.count) partition(s) of \(scope)") { db in
            let fence = try db.cachedStatement(sql: """
                UPDATE feature_partitions SET next_offset = ?, updated_at = ? WHERE consumer_group = ? AND topic = ? AND partition = ? AND epoch = ?
                """)
            // The primary key first: a card staying in its partition (always, unless the partition count changed) is
            // updated in place; the card index only catches a card that moved. 4.7x faster for 60,000 changed cards
            // than one clause on the card index, which rewrote the key of every row (docs/decisions.md).
            let upsert = try db.cachedStatement(sql: """
                INSERT INTO feature_cards (consumer_group, topic, cc_num, partition, state) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (consumer_group, topic, partition, cc_num) DO UPDATE SET state = excluded.state
                ON CONFLICT (consumer_group, topic, cc_num) DO UPDATE SET partition = excluded.partition, state = excluded.state
                """)
            var refused = Set<Int>()
            for delta in deltas {
                try fence.execute(arguments: [delta.nextOffset, now, scope.group, scope.topic, delta.partition, delta.epoch])
                if db.changesCount == 0 {
                    refused.insert(delta.partition)
                } else {
                    try upsert.setArguments([scope.group, scope.topic, 0, delta.partition, nil])
                    try Self.upsert(delta.cards, upsert, db)
                }
            }
            return refused
        }
    }

    package func cardStates(_ scope: FeatureStateScope, cards: [Int64]) async throws -> [CardStateRecord] {
        guard !cards.isEmpty else { return [] }
        return try await reading("read \(cards.count) card states of \(scope)") { db in
            let statement = try db.cachedStatement(sql: "SELECT cc_num, state, partition FROM feature_cards WHERE consumer_group = ? AND topic = ? AND cc_num = ?")
            var found: [CardStateRecord] = []
            var asked = Set<Int64>()
            for card in cards where asked.insert(card).inserted {
                try statement.setArguments([scope.group, scope.topic, card])
                try Self.readCards(statement, db, scope, nil) { found.append($0) }
            }
            return found
        }
    }

    package func offsets(_ scope: FeatureStateScope) async throws -> [Int: Int64] {
        try await reading("read the offsets of \(scope)") { db in
            var offsets: [Int: Int64] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT partition, next_offset FROM feature_partitions WHERE consumer_group = ? AND topic = ? AND next_offset IS NOT NULL
                """, arguments: [scope.group, scope.topic])
            while let row = try rows.next() {
                let partition: Int = row["partition"]
                offsets[partition] = try FeatureStateSchema.offset(scope, partition, row["next_offset"])
            }
            return offsets
        }
    }

    package func close() async throws {
        try pool.close()
    }

    // MARK: Bulk paths (C API)

    /// Steps `statement` (selecting `cc_num, state`, then optionally the partition) and hands over each card.
    /// A state that is not a blob is `.damaged`, naming the card's partition (`partition`, else the third column).
    private static func readCards(_ statement: Statement, _ db: Database, _ scope: FeatureStateScope, _ partition: Int?, _ body: (CardStateRecord) -> Void) throws {
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection))) }
            let ccNum = sqlite3_column_int64(handle, 0)
            guard sqlite3_column_type(handle, 1) == SQLITE_BLOB else {
                throw FeatureStateSchema.damaged(scope, partition ?? Int(sqlite3_column_int64(handle, 2)), "the state of card \(ccNum) is not a blob")
            }
            let bytes = sqlite3_column_blob(handle, 1)
            let count = Int(sqlite3_column_bytes(handle, 1))
            body(CardStateRecord(ccNum: ccNum, state: count == 0 ? [] : Array(UnsafeRawBufferPointer(start: bytes, count: count))))
        }
    }

    /// Steps the card upsert once per card, binding its number (parameter 3) and state (5, in place) only: the scope
    /// and partition stay bound from `setArguments`.
    private static func upsert(_ cards: [CardStateRecord], _ statement: Statement, _ db: Database) throws {
        let handle = statement.sqliteStatement
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)  // the states bound in place are about to be freed
        }
        for card in cards {
            sqlite3_reset(handle)
            sqlite3_bind_int64(handle, 3, card.ccNum)
            let code = card.state.withUnsafeBytes { state -> Int32 in
                // A zero-length blob, not NULL, for an empty state (a non-nil pointer).
                sqlite3_bind_blob(handle, 5, state.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(state.count), nil)
                return sqlite3_step(handle)
            }
            guard code == SQLITE_DONE else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
        }
    }

    // MARK: Errors

    private func writing<T: Sendable>(_ operation: String, _ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        guard !readOnly else { throw FeatureStateError(.invalidArgument, "cannot \(operation): '\(path)' is open read-only") }
        return try await naming(operation) { try await self.pool.write(body) }
    }

    private func reading<T: Sendable>(_ operation: String, _ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await naming(operation) { try await self.pool.read(body) }
    }

    private func naming<T>(_ operation: String, _ body: () async throws -> T) async throws -> T {
        try await mappingErrors(body) { Self.unavailable(path, operation, $0) }
    }

    private static func unavailable(_ path: String, _ operation: String, _ error: any Error) -> FeatureStateError {
        switch (error as? DatabaseError)?.resultCode {
        case .SQLITE_NOTADB?: FeatureStateError(.unavailable, "'\(path)' is not a SQLite database (cannot \(operation) the feature state)")
        case .SQLITE_CANTOPEN?: FeatureStateError(.unavailable, "cannot open the feature state '\(path)': no such file, or no permission")
        default: FeatureStateError(.unavailable, "feature state '\(path)': cannot \(operation): \(error)")
        }
    }
}
