import FraudCore
import GRDB
import GRDBSQLite

extension SQLiteStore {
    /// Inserts one payment under the key bound last (`trans_key` is bound last, after the 30 columns).
    static let insertTransactionSQL = """
        INSERT INTO transactions (\(StoreSchema.transactionColumns.joined(separator: ", ")), trans_key)
        VALUES (\(Array(repeating: "?", count: StoreSchema.transactionColumns.count + 1).joined(separator: ", ")))
        ON CONFLICT (trans_key) DO NOTHING
        """

    /// The insert of schema versions before 5, where `trans_num` is the primary key.
    static let legacyInsertTransactionSQL = """
        INSERT INTO transactions (\(StoreSchema.transactionColumns.joined(separator: ", ")))
        VALUES (\(Array(repeating: "?", count: StoreSchema.transactionColumns.count).joined(separator: ", ")))
        ON CONFLICT (trans_num) DO NOTHING
        """

    /// Every key of one `trans_num`'s range that is taken, with the payment stored under it.
    static let keyRangeSQL = "SELECT trans_key, trans_num FROM transactions WHERE trans_key BETWEEN ? AND ?"

    @discardableResult
    public func write(_ batch: [ScoredTransaction]) async throws -> Int {
        guard !batch.isEmpty else { return 0 }
        let keyed = self.keyed
        let inserted = try await run("write \(batch.count) payments") { db in
            let statement = try db.cachedStatement(sql: keyed ? Self.insertTransactionSQL : Self.legacyInsertTransactionSQL)
            var binder = SQLiteBinder(statement: statement.sqliteStatement)
            var inserted = 0
            for row in batch {
                let base = keyed ? TransactionKey.base(row.transaction.transNum) : nil
                try binder.insert(row, key: base, db)
                if db.changesCount > 0 {
                    inserted += 1
                } else if let base, try Self.insertInFreeSlot(row, base: base, db, &binder) {
                    inserted += 1
                }
            }
            return inserted
        }
        checkpointer.request()
        return inserted
    }

    /// The first slot of `row`'s key range was taken. Returns false when the payment itself is stored under one of its
    /// keys (a redelivery); otherwise stores it under the first free key of the range (a hash collision with another
    /// `trans_num`) and returns true. Throws when all the range's keys hold other payments.
    private static func insertInFreeSlot(_ row: ScoredTransaction, base: Int64, _ db: Database, _ binder: inout SQLiteBinder) throws -> Bool {
        let transNum = row.transaction.transNum
        var taken = Set<Int64>()
        for stored in try Row.fetchAll(db.cachedStatement(sql: keyRangeSQL), arguments: [base, base + TransactionKey.slots - 1]) {
            if stored["trans_num"] as String == transNum { return false }
            taken.insert(stored["trans_key"])
        }
        guard let free = (base..<(base + TransactionKey.slots)).first(where: { !taken.contains($0) }) else {
            throw StoreError(.failed(operation: "insert payment '\(transNum)'",
                                     reason: "all \(TransactionKey.slots) keys of its hash are taken by other payments"))
        }
        try binder.insert(row, key: free, db)
        return true
    }

    @discardableResult
    public func record(_ alerts: [AlertRecord]) async throws -> Int {
        guard !alerts.isEmpty else { return 0 }
        return try await run("record \(alerts.count) alerts") { db in
            let statement = try db.cachedStatement(sql: """
                INSERT INTO alerts (\(AlertRecord.selectList)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (trans_num) DO NOTHING
                """)
            var inserted = 0
            for alert in alerts {
                try statement.execute(arguments: [
                    alert.transNum, alert.ccNum, alert.eventTime.millisecondsSinceEpoch, alert.amount, alert.score,
                    alert.threshold, alert.modelVersion, ReasonsJSON.encode(alert.reasons), alert.raisedAt.millisecondsSinceEpoch,
                    DeliveriesJSON.encode(alert.deliveries),
                ])
                inserted += db.changesCount
            }
            return inserted
        }
    }

    @discardableResult
    public func quarantine(_ records: [QuarantinedRecord]) async throws -> Int {
        guard !records.isEmpty else { return 0 }
        let receivedAt = WallClock.now.millisecondsSinceEpoch
        return try await run("quarantine \(records.count) records") { db in
            let statement = try db.cachedStatement(sql: """
                INSERT INTO quarantine (source, position, field, reason, raw, received_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (source, position) DO NOTHING
                """)
            var inserted = 0
            for record in records {
                try statement.execute(arguments: [record.source, record.position, record.field, record.reason, record.raw, receivedAt])
                inserted += db.changesCount
            }
            return inserted
        }
    }

    public func label(_ updates: [LabelUpdate]) async throws {
        let updates = StoreQueries.deduplicated(updates)
        guard !updates.isEmpty else { return }
        let lookup = keyed ? SQLDialect.sqlite.transactionLookup("transactions", transNum: "?4") : "trans_num = ?4"
        try await run("label \(updates.count) payments") { db in
            let statement = try db.cachedStatement(sql: "UPDATE transactions SET true_value = ?1, labeled_at = ?2, labeled_by = ?3 WHERE \(lookup)")
            var unknown: [String] = []
            for update in updates {
                try statement.execute(arguments: [update.isFraud ? 1 : 0, update.labeledAt.millisecondsSinceEpoch, update.labeledBy, update.transNum])
                if db.changesCount == 0 { unknown.append(update.transNum) }
            }
            // Throwing rolls the whole transaction back: all or nothing.
            if !unknown.isEmpty { throw StoreError(.unknownTransactions(unknown)) }
        }
    }

    public func save(_ report: DriftReportRecord) async throws {
        try await run("save drift report") { db in
            try db.execute(sql: """
                INSERT INTO drift_reports (created_at, window_start, window_end, dataset_drift, drifted_share, report) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [report.createdAt.millisecondsSinceEpoch, report.windowStart?.millisecondsSinceEpoch,
                                 report.windowEnd?.millisecondsSinceEpoch, report.datasetDrift ? 1 : 0, report.driftedShare, report.json])
        }
    }
}

/// Binds one payment straight onto the prepared statement through the C API and steps it (the write hot path:
/// building GRDB `StatementArguments` per row costs about as much as SQLite's insert itself). The row's text values are
/// copied once, back to back, into a buffer reused across rows and bound without a further copy (`SQLITE_STATIC`):
/// the buffer is not touched between the binds and the step, which is all the time SQLite reads it.
struct SQLiteBinder {
    let statement: SQLiteStatement
    private var texts: [UInt8] = []
    private var spans: [(index: Int32, start: Int, count: Int)] = []
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(statement: SQLiteStatement) {
        self.statement = statement
        texts.reserveCapacity(1024)
        spans.reserveCapacity(16)
    }

    /// Inserts `row` with its `trans_key` (unless nil); `db.changesCount` then says whether a row was inserted.
    mutating func insert(_ row: ScoredTransaction, key: Int64?, _ db: Database) throws {
        let t = row.transaction
        sqlite3_reset(statement)
        texts.removeAll(keepingCapacity: true)
        spans.removeAll(keepingCapacity: true)
        text(1, t.transNum)
        optionalInt(2, t.rowIndex)
        int(3, t.eventTime.millisecondsSinceEpoch)
        int(4, t.ccNum)
        text(5, t.merchant)
        text(6, t.category)
        double(7, t.amount)
        text(8, t.firstName)
        text(9, t.lastName)
        text(10, t.gender)
        text(11, t.street)
        text(12, t.city)
        text(13, t.state)
        int(14, Int64(t.zip))
        double(15, t.latitude)
        double(16, t.longitude)
        int(17, Int64(t.cityPopulation))
        text(18, t.job)
        text(19, t.dateOfBirth.iso)
        optionalInt(20, t.unixTime)
        double(21, t.merchantLatitude)
        double(22, t.merchantLongitude)
        optionalInt(23, t.label.map { $0 ? 1 : 0 })
        int(24, row.prediction ? 1 : 0)
        double(25, row.score)
        double(26, row.threshold)
        text(27, row.modelVersion)
        text(28, ReasonsJSON.encode(row.reasons))
        int(29, row.scoredAt.millisecondsSinceEpoch)
        double(30, row.latencyMs)
        if let key { int(31, key) }
        let code = texts.withUnsafeBytes { bytes -> Int32 in
            for span in spans {
                if span.count > 0, let base = bytes.baseAddress {
                    sqlite3_bind_text(statement, span.index, base.advanced(by: span.start).assumingMemoryBound(to: CChar.self), Int32(span.count), nil)
                } else {
                    sqlite3_bind_text(statement, span.index, "", 0, Self.transient)  // empty text, not NULL
                }
            }
            return sqlite3_step(statement)
        }
        guard code == SQLITE_DONE else {
            let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
            sqlite3_reset(statement)
            throw StoreError(.failed(operation: "insert payment", reason: "SQLite error \(code): \(message)"))
        }
    }

    private mutating func text(_ index: Int32, _ value: String) {
        let start = texts.count
        texts.append(contentsOf: value.utf8)
        spans.append((index, start, texts.count - start))
    }

    private func int(_ index: Int32, _ value: Int64) { sqlite3_bind_int64(statement, index, value) }
    private func double(_ index: Int32, _ value: Double) { sqlite3_bind_double(statement, index, value) }

    private func optionalInt(_ index: Int32, _ value: Int64?) {
        if let value { sqlite3_bind_int64(statement, index, value) } else { sqlite3_bind_null(statement, index) }
    }
}
