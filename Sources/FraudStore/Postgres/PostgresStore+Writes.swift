import FraudCore
import PostgresNIO

extension PostgresStore {
    /// Concurrent `COPY`s one batch of at least `2 × PostgresBatchCopy.chunkRows` rows is split into, each on its own
    /// connection: one `COPY` keeps one server process busy while the client waits (measured in docs/store.md).
    static let copyParts = 2

    @discardableResult
    package func write(_ batch: [ScoredTransaction]) async throws -> Int {
        guard !batch.isEmpty else { return 0 }
        let keys = batch.map(\.transaction.transNum)
        var copied = 0
        if Set(keys).count == keys.count {
            let parts = batch.count >= 2 * PostgresBatchCopy.chunkRows ? Self.copyParts : 1
            let size = (batch.count + parts - 1) / parts
            copied = try await withThrowingTaskGroup(of: Int.self) { group in
                for start in stride(from: 0, to: batch.count, by: size) {
                    let part = batch[start..<min(start + size, batch.count)]
                    group.addTask { try await self.copyIfAllNew(part) ? part.count : 0 }
                }
                return try await group.reduce(0, +)
            }
            if copied == batch.count { return copied }
        }
        // Rows a part did copy are conflicts here, so the upsert counts only the rest.
        return try await copied + (execute("write \(batch.count) payments", PostgresBatchInsert.query(batch)).metadata.rows ?? 0)
    }

    /// The fast path of `write`: `COPY` the rows, which inserts many rows per WAL record where an `INSERT` inserts one
    /// (measured in docs/store.md). The rows are encoded and sent in chunks of `PostgresBatchCopy.chunkRows`, so the
    /// server inserts one chunk while the next is encoded. `COPY` has no `ON CONFLICT`: when a payment of the rows is
    /// already stored (a redelivery, a half-new batch, a concurrent writer's row) the unique violation aborts the copy,
    /// none of the rows is written, and this returns false; `write` then upserts the batch.
    private func copyIfAllNew(_ rows: ArraySlice<ScoredTransaction>) async throws -> Bool {
        let logger = self.logger
        return try await onConnection("write \(rows.count) payments") { connection in
            do {
                try await connection.copyFrom(table: "transactions", columns: StoreSchema.transactionColumns, logger: logger) { writer in
                    for start in stride(from: rows.startIndex, to: rows.endIndex, by: PostgresBatchCopy.chunkRows) {
                        try await writer.write(PostgresBatchCopy.rows(rows[start..<min(start + PostgresBatchCopy.chunkRows, rows.endIndex)]))
                    }
                }
            } catch let error as PSQLError where error.serverInfo?[.sqlState] == "23505" {
                return false
            }
            return true
        }
    }

    @discardableResult
    package func record(_ alerts: [AlertRecord]) async throws -> Int {
        guard !alerts.isEmpty else { return 0 }
        var bindings = PostgresBindings(capacity: 10)
        bindings.append(alerts.map(\.transNum))
        bindings.append(alerts.map(\.ccNum))
        bindings.append(alerts.map(\.eventTime.millisecondsSinceEpoch))
        bindings.append(alerts.map(\.amount))
        bindings.append(alerts.map(\.score))
        bindings.append(alerts.map(\.threshold))
        bindings.append(alerts.map(\.modelVersion))
        bindings.append(alerts.map { ReasonsJSON.encode($0.reasons) })
        bindings.append(alerts.map(\.raisedAt.millisecondsSinceEpoch))
        bindings.append(alerts.map { DeliveriesJSON.encode($0.deliveries) })
        let query = PostgresQuery(unsafeSQL: """
            INSERT INTO alerts (\(AlertRecord.selectList))
            SELECT * FROM unnest($1::text[], $2::int8[], $3::int8[], $4::float8[], $5::float8[], $6::float8[], $7::text[], $8::text[], $9::int8[], $10::text[])
            ON CONFLICT (trans_num) DO NOTHING
            """, binds: bindings)
        return try await execute("record \(alerts.count) alerts", query).metadata.rows ?? 0
    }

    @discardableResult
    package func quarantine(_ records: [QuarantinedRecord]) async throws -> Int {
        guard !records.isEmpty else { return 0 }
        var bindings = PostgresBindings(capacity: 7)
        bindings.append(records.map(\.source))
        bindings.append(records.map(\.position))
        bindings.append(records.map { $0.field ?? "" })
        bindings.append(records.map { $0.field == nil })
        bindings.append(records.map(\.reason))
        bindings.append(records.map(\.raw))
        bindings.append(WallClock.now.millisecondsSinceEpoch)
        let query = PostgresQuery(unsafeSQL: """
            INSERT INTO quarantine (source, position, field, reason, raw, received_at)
            SELECT s, p, CASE WHEN nf THEN NULL ELSE f END, r, w, $7 FROM unnest($1::text[], $2::int8[], $3::text[], $4::bool[], $5::text[], $6::text[]) AS u(s, p, f, nf, r, w)
            ON CONFLICT (source, position) DO NOTHING
            """, binds: bindings)
        return try await execute("quarantine \(records.count) records", query).metadata.rows ?? 0
    }

    package func label(_ updates: [LabelUpdate]) async throws {
        let updates = StoreQueries.deduplicated(updates)
        guard !updates.isEmpty else { return }
        var bindings = PostgresBindings(capacity: 4)
        bindings.append(updates.map(\.transNum))
        bindings.append(updates.map(\.isFraud))
        bindings.append(updates.map(\.labeledAt.millisecondsSinceEpoch))
        bindings.append(updates.map(\.labeledBy))
        let update = PostgresQuery(unsafeSQL: """
            UPDATE transactions t SET true_value = u.v, labeled_at = u.at, labeled_by = u.by
            FROM unnest($1::text[], $2::bool[], $3::int8[], $4::text[]) AS u(tn, v, at, by) WHERE t.trans_num = u.tn
            """, binds: bindings)
        var missingBindings = PostgresBindings(capacity: 1)
        missingBindings.append(updates.map(\.transNum))
        let missing = PostgresQuery(unsafeSQL: """
            SELECT u.tn AS trans_num FROM unnest($1::text[]) WITH ORDINALITY AS u(tn, n)
            WHERE NOT EXISTS (SELECT 1 FROM transactions t WHERE t.trans_num = u.tn) ORDER BY u.n
            """, binds: missingBindings)
        let logger = self.logger
        try await transaction("label \(updates.count) payments") { connection in
            let unknown = try await connection.query(missing, logger: logger).get().rows.map { try PostgresRowReader(row: $0).text(required: "trans_num") }
            if !unknown.isEmpty { throw StoreError(.unknownTransactions(unknown)) }
            _ = try await connection.query(update, logger: logger).get()
        }
    }

    package func save(_ report: DriftReportRecord) async throws {
        var statement = SQLStatement(.postgres)
        let values: [SQLValue] = [
            .int(report.createdAt.millisecondsSinceEpoch), report.windowStart.map { .int($0.millisecondsSinceEpoch) } ?? .null,
            report.windowEnd.map { .int($0.millisecondsSinceEpoch) } ?? .null, .bool(report.datasetDrift),
            .double(report.driftedShare), .text(report.json),
        ]
        let placeholders = values.map { statement.bind($0) }.joined(separator: ", ")
        statement.sql = "INSERT INTO drift_reports (created_at, window_start, window_end, dataset_drift, drifted_share, report) VALUES (\(placeholders))"
        try await execute("save drift report", statement)
    }
}
