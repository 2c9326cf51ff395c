import FraudCore

/// The feature state tables, the same on SQLite and PostgreSQL (types substituted per backend), created on open:
///
/// - `feature_partitions (consumer_group, topic, partition, next_offset, epoch, updated_at)`, primary key
///   `(consumer_group, topic, partition)`: one row per partition ever claimed. Each claim raises `epoch`;
///   `next_offset` is NULL until the first write, then the first input offset the partition's cards do not reflect;
///   `updated_at` is the last claim or write, in milliseconds since the epoch (UTC).
/// - `feature_cards (consumer_group, topic, cc_num, partition, state)`: one row per card with state, keyed by
///   `(consumer_group, topic, cc_num)` (unique index `feature_cards_card`: the online read and the upsert's key).
///   The primary key `(consumer_group, topic, partition, cc_num)` makes restoring a partition one range scan; on
///   SQLite the table is `WITHOUT ROWID`, so the states are stored in that order inside the key's b-tree.
/// - `feature_state_migrations (version, name, applied_at)`: the schema versions applied (as the store's
///   `schema_migrations`), so a later version can migrate a file or schema written by this one.
///
/// A partition's cards and its offset change only together, in one `write` transaction.
enum FeatureStateSchema {
    static let migrationsTable = """
        CREATE TABLE IF NOT EXISTS feature_state_migrations (version {INT} PRIMARY KEY NOT NULL, name TEXT NOT NULL, applied_at {INT} NOT NULL)
        """

    /// Append migrations; never edit applied ones.
    static let migrations: [StoreMigration] = [
        StoreMigration(version: 1, name: "feature state: partitions and cards", statements: [
            """
            CREATE TABLE IF NOT EXISTS feature_partitions (
                consumer_group TEXT NOT NULL, topic TEXT NOT NULL, partition {INT} NOT NULL, next_offset {INT},
                epoch {INT} NOT NULL, updated_at {INT} NOT NULL, PRIMARY KEY (consumer_group, topic, partition)
            ){WITHOUT ROWID}
            """,
            """
            CREATE TABLE IF NOT EXISTS feature_cards (
                consumer_group TEXT NOT NULL, topic TEXT NOT NULL, cc_num {INT} NOT NULL, partition {INT} NOT NULL,
                state {BLOB} NOT NULL, PRIMARY KEY (consumer_group, topic, partition, cc_num)
            ){WITHOUT ROWID}
            """,
            "CREATE UNIQUE INDEX IF NOT EXISTS feature_cards_card ON feature_cards (consumer_group, topic, cc_num)",
        ]),
    ]

    static var latestVersion: Int { migrations[migrations.count - 1].version }

    /// `template` in `dialect`: the store's type tokens, plus `{BLOB}` and `{WITHOUT ROWID}`.
    static func ddl(_ template: String, _ dialect: SQLDialect) -> String {
        dialect.ddl(template)
            .replacingOccurrences(of: "{BLOB}", with: dialect == .sqlite ? "BLOB" : "BYTEA")
            .replacingOccurrences(of: "{WITHOUT ROWID}", with: dialect == .sqlite ? " WITHOUT ROWID" : "")
    }

    /// The statements `dialect` runs for `migration`.
    static func statements(_ migration: StoreMigration, _ dialect: SQLDialect) -> [String] {
        migration.statements.map { ddl($0, dialect) }
    }

    /// Throws unless a database recording `newest` as its newest applied version can be used by this build.
    static func checkVersion(_ newest: Int?, of database: String) throws {
        if let newest, newest > latestVersion {
            throw FeatureStateError(.unavailable, "\(database) holds feature state of schema version \(newest); this build knows versions up to \(latestVersion)")
        }
    }

    /// The claim of `partition` as read back from its rows; `.damaged` when they are not a checkpoint.
    static func claim(_ scope: FeatureStateScope, partition: Int, epoch: Int64, nextOffset: Int64?, cards: [CardStateRecord]) throws -> PartitionClaim {
        guard epoch >= 1 else { throw damaged(scope, partition, "its epoch \(epoch) is not positive") }
        guard let nextOffset else {
            guard cards.isEmpty else { throw damaged(scope, partition, "\(cards.count) card states are stored without an offset") }
            return PartitionClaim(partition: partition, epoch: epoch, checkpoint: nil)
        }
        return PartitionClaim(partition: partition, epoch: epoch, checkpoint: PartitionCheckpoint(nextOffset: try offset(scope, partition, nextOffset), cards: cards))
    }

    /// `nextOffset` as stored for `partition`; `.damaged` when negative.
    static func offset(_ scope: FeatureStateScope, _ partition: Int, _ nextOffset: Int64) throws -> Int64 {
        guard nextOffset >= 0 else { throw damaged(scope, partition, "its offset \(nextOffset) is negative") }
        return nextOffset
    }

    static func damaged(_ scope: FeatureStateScope, _ partition: Int, _ problem: String) -> FeatureStateError {
        FeatureStateError(.damaged, "the feature state checkpoint of \(scope) partition \(partition) is damaged: \(problem); restoring it would give a wrong state")
    }
}
