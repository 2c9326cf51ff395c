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
    package func write(_ batch: [ScoredTransaction]) async throws -> Int {
        guard !batch.isEmpty else { return 0 }
        let keyed = self.keyed
        let inserted = try await run("write \(batch.count) payments") { db in
            let statement = try db.cachedStatement(sql: keyed ? Self.insertTransactionSQL : Self.legacyInsertTransactionSQL)
            let binder = SQLiteBinder(statement: statement.sqliteStatement)
            defer { binder.clear() }
            var inserted = 0
            try SQLiteRowImages.encodeAhead(batch, keyed: keyed) { images in
                for row in images.payments.indices {
                    let base = images.key(of: row)
                    try binder.insert(images, row, key: base, db)
                    if db.changesCount > 0 {
                        inserted += 1
                    } else if let base, try Self.insertInFreeSlot(images, row, base: base, db, binder) {
                        inserted += 1
                    }
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
    private static func insertInFreeSlot(_ images: SQLiteRowImages, _ row: Int, base: Int64, _ db: Database, _ binder: SQLiteBinder) throws -> Bool {
        let transNum = images.payments[row].transaction.transNum
        var taken = Set<Int64>()
        for stored in try Row.fetchAll(db.cachedStatement(sql: keyRangeSQL), arguments: [base, base + TransactionKey.slots - 1]) {
            if stored["trans_num"] as String == transNum { return false }
            taken.insert(stored["trans_key"])
        }
        guard let free = (base..<(base + TransactionKey.slots)).first(where: { !taken.contains($0) }) else {
            throw StoreError(.failed(operation: "insert payment '\(transNum)'",
                                     reason: "all \(TransactionKey.slots) keys of its hash are taken by other payments"))
        }
        try binder.insert(images, row, key: free, db)
        return true
    }

    @discardableResult
    package func record(_ alerts: [AlertRecord]) async throws -> Int {
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
    package func quarantine(_ records: [QuarantinedRecord]) async throws -> Int {
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

    package func label(_ updates: [LabelUpdate]) async throws {
        let updates = StoreQueries.deduplicated(updates)
        guard !updates.isEmpty else { return }
        let lookup = keyed ? SQLDialect.sqlite.transactionLookup("transactions", transNum: "?4") : "trans_num = ?4"
        try await runDurably("label \(updates.count) payments") { db in
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

    package func save(_ report: DriftReportRecord) async throws {
        try await run("save drift report") { db in
            try db.execute(sql: """
                INSERT INTO drift_reports (created_at, window_start, window_end, dataset_drift, drifted_share, report) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [report.createdAt.millisecondsSinceEpoch, report.windowStart?.millisecondsSinceEpoch,
                                 report.windowEnd?.millisecondsSinceEpoch, report.datasetDrift ? 1 : 0, report.driftedShare, report.json])
        }
    }
}
