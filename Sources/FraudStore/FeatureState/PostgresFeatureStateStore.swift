import FraudCore
import Logging
import NIOCore
import PostgresNIO

/// Feature state in PostgreSQL (`postgres://...`), shared by every scorer and API process.
///
/// Connections, retries (`RetryPolicy`: a transaction that failed for a connection loss, a serialization conflict or a
/// deadlock runs again whole) and error text are `PostgresStore`'s, opened without the store's own schema; every
/// failure becomes `FeatureStateError.unavailable` (`isOutage` when the retries ran out). Retrying is safe: a write
/// re-applies the same checkpoint under the same epoch, and a retried claim raises the epoch once more (epochs only
/// ever grow).
///
/// Fencing needs no stronger isolation than READ COMMITTED: `write` updates each partition's row where the epoch still
/// matches, which locks it, so a concurrent claim waits for the write's commit and then raises the epoch; a write
/// after the claim's commit finds the new epoch and changes nothing.
package final class PostgresFeatureStateStore: FeatureStateStore {
    let database: PostgresStore
    let logger: Logger
    /// Cards per second a write is given at least, on top of the retry policy's attempt timeout: one checkpoint of
    /// 1,000,000 cards took 11.8 s here (release build), so under the standard 10 s it was cut off and retried forever.
    static let slowestWriteRate = 10_000.0

    private init(database: PostgresStore, logger: Logger) {
        self.database = database
        self.logger = logger
    }

    /// Connects, creates `url.schema` if it does not exist, and creates or migrates the feature state tables.
    /// - Throws: `FeatureStateError.unavailable` when the server cannot be reached or the schema is newer than this build.
    package static func connect(_ url: PostgresURL, retry: RetryPolicy = .database, logger: Logger = Logger(label: "fraud.features.postgres")) async throws -> PostgresFeatureStateStore {
        let database: PostgresStore
        do {
            database = try await PostgresStore.connect(url, schemaVersion: 0, retry: retry, logger: logger)
        } catch {
            throw FeatureStateError(.unavailable, "feature state at \(url): \(error)")
        }
        let store = PostgresFeatureStateStore(database: database, logger: logger)
        do {
            try FeatureStateSchema.checkVersion(try await store.migrate(), of: "\(url)")
        } catch {
            try? await database.close()
            throw error
        }
        return store
    }

    /// Applies the missing migrations under an advisory lock (concurrent starts do not race); returns the newest
    /// version recorded before.
    private func migrate() async throws -> Int? {
        let logger = self.logger
        return try await transaction("create the feature state tables") { connection -> Int? in
            _ = try await connection.query("SELECT pg_advisory_xact_lock(424243, hashtext(current_schema()))", logger: logger).get()
            _ = try await connection.query(PostgresQuery(unsafeSQL: FeatureStateSchema.ddl(FeatureStateSchema.migrationsTable, .postgres)), logger: logger).get()
            let rows = try await connection.query("SELECT version FROM feature_state_migrations", logger: logger).get().rows
            let applied = Set(try rows.map { try $0.decode(Int64.self) })
            guard applied.allSatisfy({ $0 <= FeatureStateSchema.latestVersion }) else { return applied.max().map(Int.init) }
            for migration in FeatureStateSchema.migrations where !applied.contains(Int64(migration.version)) {
                for statement in FeatureStateSchema.statements(migration, .postgres) {
                    _ = try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger).get()
                }
                _ = try await connection.query("""
                    INSERT INTO feature_state_migrations (version, name, applied_at)
                    VALUES (\(Int64(migration.version)), \(migration.name), \(WallClock.now.millisecondsSinceEpoch))
                    """, logger: logger).get()
            }
            return applied.max().map(Int.init)
        }
    }

    /// Raises the epoch and reads the partition's cards in one transaction. The cards are streamed and decoded as
    /// they arrive (the async row sequence, typed to rule out the future overload) rather than collected first, so a
    /// large partition is held once in memory.
    package func claim(_ scope: FeatureStateScope, partition: Int) async throws -> PartitionClaim {
        let logger = self.logger
        let now = WallClock.now.millisecondsSinceEpoch
        let (epoch, nextOffset, cards) = try await transaction("claim partition \(partition) of \(scope)") { connection -> (Int64, Int64?, [CardStateRecord]) in
            let raised = try await connection.query("""
                INSERT INTO feature_partitions (consumer_group, topic, partition, next_offset, epoch, updated_at)
                VALUES (\(scope.group), \(scope.topic), \(Int64(partition)), NULL, 1, \(now))
                ON CONFLICT (consumer_group, topic, partition) DO UPDATE SET epoch = feature_partitions.epoch + 1, updated_at = excluded.updated_at
                RETURNING epoch, next_offset
                """, logger: logger).get().rows[0].decode((Int64, Int64?).self)
            let rows: PostgresRowSequence = try await connection.query("""
                SELECT cc_num, state FROM feature_cards
                WHERE consumer_group = \(scope.group) AND topic = \(scope.topic) AND partition = \(Int64(partition)) ORDER BY cc_num
                """, logger: logger)
            var cards: [CardStateRecord] = []
            for try await (ccNum, state) in rows.decode((Int64, ByteBuffer).self) {
                cards.append(CardStateRecord(ccNum: ccNum, state: Array(state.readableBytesView)))
            }
            return (raised.0, raised.1, cards)
        }
        return try FeatureStateSchema.claim(scope, partition: partition, epoch: epoch, nextOffset: nextOffset, cards: cards)
    }

    /// One transaction: one `UPDATE ... FROM unnest(...)` sets the offset of every partition still held at its
    /// epoch (locking those rows), then one `INSERT ... SELECT unnest(int8[]), unnest(int8[]), unnest(bytea[]) ON
    /// CONFLICT DO UPDATE` upserts the cards of the partitions it updated. `unnest` in the select list streams the
    /// rows; `FROM unnest(a, b, c)` first copies them all into a tuplestore (100,000 cards: 0.77 s against 1.49 s
    /// on the server, measured with psql).
    package func write(_ scope: FeatureStateScope, _ deltas: [PartitionDelta]) async throws -> Set<Int> {
        let deltas = Self.merged(deltas)
        guard !deltas.isEmpty else { return [] }
        let logger = self.logger
        let now = WallClock.now.millisecondsSinceEpoch
        let cardCount = deltas.reduce(0) { $0 + $1.cards.count }
        let timeout = database.attemptTimeout + .seconds(Double(cardCount) / Self.slowestWriteRate)
        return try await transaction("write the checkpoint of \(deltas.count) partition(s) of \(scope)", attemptTimeout: timeout) { connection -> Set<Int> in
            let rows = try await connection.query("""
                UPDATE feature_partitions f SET next_offset = u.next_offset, updated_at = \(now)
                FROM unnest(\(deltas.map { Int64($0.partition) })::int8[], \(deltas.map(\.epoch))::int8[], \(deltas.map(\.nextOffset))::int8[])
                    AS u(partition, epoch, next_offset)
                WHERE f.consumer_group = \(scope.group) AND f.topic = \(scope.topic) AND f.partition = u.partition AND f.epoch = u.epoch
                RETURNING f.partition, f.epoch
                """, logger: logger).get().rows
            let held = Set(try rows.map { row -> PartitionEpoch in
                let (partition, epoch) = try row.decode((Int64, Int64).self)
                return PartitionEpoch(partition: Int(partition), epoch: epoch)
            })
            let cards = Self.lastStates(deltas.filter { held.contains(PartitionEpoch(partition: $0.partition, epoch: $0.epoch)) })
            if !cards.isEmpty {
                _ = try await connection.query("""
                    INSERT INTO feature_cards (consumer_group, topic, cc_num, partition, state)
                    SELECT \(scope.group), \(scope.topic), u.cc_num, u.partition, u.state
                    FROM (SELECT unnest(\(cards.map(\.card.ccNum))::int8[]) AS cc_num, unnest(\(cards.map(\.partition))::int8[]) AS partition,
                                 unnest(\(cards.map { ByteBuffer(bytes: $0.card.state) })::bytea[]) AS state) AS u
                    ON CONFLICT (consumer_group, topic, cc_num) DO UPDATE SET partition = excluded.partition, state = excluded.state
                    """, logger: logger).get()
            }
            return Set(deltas.filter { !held.contains(PartitionEpoch(partition: $0.partition, epoch: $0.epoch)) }.map(\.partition))
        }
    }

    package func cardStates(_ scope: FeatureStateScope, cards: [Int64]) async throws -> [CardStateRecord] {
        guard !cards.isEmpty else { return [] }
        let query: PostgresQuery = """
            SELECT cc_num, state FROM feature_cards
            WHERE consumer_group = \(scope.group) AND topic = \(scope.topic) AND cc_num = ANY(\(Array(Set(cards)))::int8[])
            """
        return try await mapped {
            try await self.database.execute("read \(cards.count) card states of \(scope)", query).rows.map { row in
                let (ccNum, state) = try row.decode((Int64, ByteBuffer).self)
                return CardStateRecord(ccNum: ccNum, state: Array(state.readableBytesView))
            }
        }
    }

    package func offsets(_ scope: FeatureStateScope) async throws -> [Int: Int64] {
        let query: PostgresQuery = """
            SELECT partition, next_offset FROM feature_partitions
            WHERE consumer_group = \(scope.group) AND topic = \(scope.topic) AND next_offset IS NOT NULL
            """
        return try await mapped {
            var offsets: [Int: Int64] = [:]
            for row in try await self.database.execute("read the offsets of \(scope)", query).rows {
                let (partition, nextOffset) = try row.decode((Int64, Int64).self)
                offsets[Int(partition)] = try FeatureStateSchema.offset(scope, Int(partition), nextOffset)
            }
            return offsets
        }
    }

    package func close() async throws {
        try await database.close()
    }

    // MARK: Helpers

    private struct PartitionEpoch: Hashable {
        var partition: Int
        var epoch: Int64
    }

    /// `deltas` with those of one partition and epoch made one (the last offset, the cards in order): the `UPDATE`
    /// must meet each partition row once.
    private static func merged(_ deltas: [PartitionDelta]) -> [PartitionDelta] {
        var merged: [PartitionDelta] = []
        var index: [PartitionEpoch: Int] = [:]
        for delta in deltas {
            let key = PartitionEpoch(partition: delta.partition, epoch: delta.epoch)
            if let at = index[key] {
                merged[at].nextOffset = delta.nextOffset
                merged[at].cards += delta.cards
            } else {
                index[key] = merged.count
                merged.append(delta)
            }
        }
        return merged
    }

    /// Each card of `deltas` once, with its last state: `ON CONFLICT DO UPDATE` cannot meet a row twice in one statement.
    private static func lastStates(_ deltas: [PartitionDelta]) -> [(card: CardStateRecord, partition: Int64)] {
        var cards: [(card: CardStateRecord, partition: Int64)] = []
        var index: [Int64: Int] = [:]
        for delta in deltas {
            for card in delta.cards {
                if let at = index[card.ccNum] {
                    cards[at] = (card, Int64(delta.partition))
                } else {
                    index[card.ccNum] = cards.count
                    cards.append((card, Int64(delta.partition)))
                }
            }
        }
        return cards
    }

    private func transaction<T: Sendable>(_ operation: String, attemptTimeout: Duration? = nil, _ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        try await mapped { try await self.database.transaction(operation, attemptTimeout: attemptTimeout, body) }
    }

    /// `body`'s errors as `FeatureStateError`s (a `StoreError`'s text names the operation and the server's reason).
    private func mapped<T>(_ body: () async throws -> T) async throws -> T {
        try await mappingErrors(body) { error in
            FeatureStateError(.unavailable, "feature state at \(database.url): \(error)", isOutage: (error as? StoreError)?.isUnavailable ?? false)
        }
    }
}
