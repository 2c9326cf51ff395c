/// One schema change, applied once and recorded in `schema_migrations`.
package struct StoreMigration: Sendable {
    package var version: Int
    package var name: String
    /// Statements in the shared dialect (type tokens substituted per backend).
    package var statements: [String]
    /// The one backend whose schema this changes; the others record the version without running anything.
    package var only: SQLDialect? = nil

    /// The statements `dialect` runs for this migration.
    package func statements(for dialect: SQLDialect) -> [String] {
        only == nil || only == dialect ? statements.map(dialect.ddl) : []
    }
}

/// The versioned schema of both backends. Append migrations; never edit or reorder applied ones,
/// so a database written by an older version is upgraded in place, never wiped.
package enum StoreSchema {
    package static let migrations: [StoreMigration] = [
        StoreMigration(version: 1, name: "payments, alerts, quarantine", statements: [
            """
            CREATE TABLE transactions (
                trans_num TEXT PRIMARY KEY NOT NULL,
                \(transactionColumnsDDL)
            )
            """,
            "CREATE INDEX transactions_event_time ON transactions (event_time, trans_num)",
            """
            CREATE TABLE alerts (
                trans_num TEXT PRIMARY KEY NOT NULL, cc_num {INT} NOT NULL, event_time {INT} NOT NULL,
                amt {REAL} NOT NULL, score {REAL} NOT NULL, threshold {REAL} NOT NULL, model_version TEXT NOT NULL,
                reasons TEXT NOT NULL, raised_at {INT} NOT NULL
            )
            """,
            """
            CREATE TABLE quarantine (
                id {SERIAL}, source TEXT NOT NULL, position {INT} NOT NULL, field TEXT, reason TEXT NOT NULL,
                raw TEXT NOT NULL, received_at {INT} NOT NULL, UNIQUE (source, position)
            )
            """,
        ]),
        StoreMigration(version: 2, name: "registry and drift reports", statements: [
            """
            CREATE TABLE runs (
                id TEXT PRIMARY KEY NOT NULL, started_at {INT} NOT NULL, finished_at {INT}, status TEXT NOT NULL,
                params TEXT NOT NULL, metrics TEXT NOT NULL, timings TEXT NOT NULL, data_fingerprint TEXT,
                artifact_location TEXT
            )
            """,
            """
            CREATE TABLE models (
                version TEXT PRIMARY KEY NOT NULL, run_id TEXT, created_at {INT} NOT NULL, model_type TEXT NOT NULL,
                threshold {REAL}, metrics TEXT NOT NULL, artifact_path TEXT NOT NULL, metadata TEXT, description TEXT
            )
            """,
            """
            CREATE TABLE aliases (
                name TEXT PRIMARY KEY NOT NULL, version TEXT NOT NULL REFERENCES models (version),
                generation {INT} NOT NULL, updated_at {INT} NOT NULL, updated_by TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE alias_history (
                id {SERIAL}, alias TEXT NOT NULL, from_version TEXT, to_version TEXT NOT NULL, action TEXT NOT NULL,
                changed_by TEXT NOT NULL, reason TEXT NOT NULL, changed_at {INT} NOT NULL
            )
            """,
            """
            CREATE TABLE drift_reports (
                id {SERIAL}, created_at {INT} NOT NULL, window_start {INT}, window_end {INT},
                dataset_drift {BOOL} NOT NULL, drifted_share {REAL} NOT NULL, report TEXT NOT NULL
            )
            """,
        ]),
        StoreMigration(version: 3, name: "query indexes", statements: [
            "CREATE INDEX transactions_card ON transactions (cc_num, event_time)",
            "CREATE INDEX transactions_labelled ON transactions (labeled_at, trans_num) WHERE true_value IS NOT NULL",
            "CREATE INDEX alerts_raised_at ON alerts (raised_at)",
            "CREATE INDEX alias_history_alias ON alias_history (alias, id)",
        ]),
        StoreMigration(version: 4, name: "alert delivery outcomes", statements: [
            "ALTER TABLE alerts ADD COLUMN deliveries TEXT NOT NULL DEFAULT '[]'",
        ]),
        // SQLite only: the unique index on the random 33-byte `trans_num` text made batch writes B-tree bound; the table
        // is rebuilt with `trans_key` (see `TransactionKey`) as its unique key, rows and rowids copied in place.
        StoreMigration(version: 5, name: "SQLite: integer idempotency key trans_key", statements: [
            "CREATE TABLE transactions_v5 (trans_num TEXT NOT NULL, trans_key {INT} NOT NULL UNIQUE, \(transactionColumnsDDL))",
            """
            INSERT INTO transactions_v5 (rowid, trans_num, trans_key, \(transactionCopyList))
            SELECT rowid, trans_num,
                   fraud_trans_key(trans_num, ROW_NUMBER() OVER (PARTITION BY fraud_trans_key(trans_num) ORDER BY rowid) - 1),
                   \(transactionCopyList)
            FROM transactions
            """,
            "DROP TABLE transactions",
            "ALTER TABLE transactions_v5 RENAME TO transactions",
            "CREATE INDEX transactions_event_time ON transactions (event_time, trans_num)",
            "CREATE INDEX transactions_card ON transactions (cc_num, event_time)",
            "CREATE INDEX transactions_labelled ON transactions (labeled_at, trans_num) WHERE true_value IS NOT NULL",
        ], only: .sqlite),
        // SQLite only: the card index took each batch's payments at random places (one per card), so every commit
        // rewrote all its pages; led by the event hour, a batch's entries land together at the end (see `cardHour`).
        StoreMigration(version: 6, name: "SQLite: card index by event hour", statements: [
            "DROP INDEX transactions_card",
            "CREATE INDEX transactions_card_hour ON transactions (\(cardHour), cc_num, event_time)",
        ], only: .sqlite),
    ]

    /// The event hour that leads SQLite's card index (`transactions_card_hour`, migration 6); a query must name the
    /// same expression to search that index.
    package static let cardHour = hour(of: "event_time")

    /// The event hour of the SQL expression `milliseconds` (milliseconds since the epoch), as `cardHour` computes it.
    package static func hour(of milliseconds: String) -> String { "\(milliseconds) / 3600000" }

    /// The columns of `transactions` after `trans_num`, as created by migration 1 (and recreated by migration 5).
    private static let transactionColumnsDDL = """
        row_index {INT}, event_time {INT} NOT NULL, cc_num {INT} NOT NULL,
        merchant TEXT NOT NULL, category TEXT NOT NULL, amt {REAL} NOT NULL,
        first TEXT NOT NULL, last TEXT NOT NULL, gender TEXT NOT NULL, street TEXT NOT NULL,
        city TEXT NOT NULL, state TEXT NOT NULL, zip {INT} NOT NULL, lat {REAL} NOT NULL, long {REAL} NOT NULL,
        city_pop {INT} NOT NULL, job TEXT NOT NULL, dob TEXT NOT NULL, unix_time {INT},
        merch_lat {REAL} NOT NULL, merch_long {REAL} NOT NULL, source_label {BOOL},
        prediction {BOOL} NOT NULL, score {REAL} NOT NULL, threshold {REAL} NOT NULL,
        model_version TEXT NOT NULL, reasons TEXT NOT NULL, scored_at {INT} NOT NULL, latency_ms {REAL} NOT NULL,
        true_value {BOOL}, labeled_at {INT}, labeled_by TEXT
        """

    /// The columns migration 5 copies besides `trans_num`.
    private static let transactionCopyList = (transactionColumns.dropFirst() + ["true_value", "labeled_at", "labeled_by"]).joined(separator: ", ")

    /// The newest schema version.
    package static var latestVersion: Int { migrations.last!.version }

    /// The bookkeeping table, created before any migration.
    package static let migrationsTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (version {INT} PRIMARY KEY NOT NULL, name TEXT NOT NULL, applied_at {INT} NOT NULL)
        """

    /// Columns of `transactions` in insert order (the labelling columns come last and are not inserted).
    package static let transactionColumns = [
        "trans_num", "row_index", "event_time", "cc_num", "merchant", "category", "amt", "first", "last", "gender",
        "street", "city", "state", "zip", "lat", "long", "city_pop", "job", "dob", "unix_time", "merch_lat",
        "merch_long", "source_label", "prediction", "score", "threshold", "model_version", "reasons", "scored_at",
        "latency_ms",
    ]

    /// Every column read back for a stored payment.
    package static let transactionSelectList = (transactionColumns + ["true_value", "labeled_at", "labeled_by"]).joined(separator: ", ")
}
