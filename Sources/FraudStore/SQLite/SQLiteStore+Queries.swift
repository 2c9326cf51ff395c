import FraudCore
import GRDB

extension SQLiteStore {
    package func transactions(_ query: TransactionQuery) async throws -> TransactionPage {
        let rows = try await fetch("list transactions", StoreQueries.transactions(query, .sqlite)) { try StoredTransaction(row: $0) }
        return StoreQueries.page(rows, query)
    }

    package func alerts(_ query: AlertQuery) async throws -> [AlertRecord] {
        try await fetch("list alerts", StoreQueries.alerts(query, .sqlite)) { try AlertRecord(row: $0) }
    }

    package func quarantined(limit: Int) async throws -> [QuarantinedRecord] {
        try await fetch("list quarantine", SQLStatement(.sqlite, StoreQueries.quarantined(limit: limit))) { try QuarantinedRecord(row: $0) }
    }

    package func labelled(after watermark: LabelWatermark?, limit: Int) async throws -> [StoredTransaction] {
        try await fetch("list labelled payments", StoreQueries.labelled(after: watermark, limit: limit, .sqlite)) { try StoredTransaction(row: $0) }
    }

    package func counts() async throws -> StoreCounts {
        try await read("count rows") { db in
            let row = try Row.fetchOne(db, sql: StoreQueries.counts)!
            return StoreCounts(transactions: row["transactions"], labelled: row["labelled"], alerts: row["alerts"], quarantined: row["quarantined"])
        }
    }

    package func driftReports(limit: Int) async throws -> [DriftReportRecord] {
        try await fetch("list drift reports", SQLStatement(.sqlite, StoreQueries.driftReports(limit: limit))) { try DriftReportRecord(row: $0) }
    }
}
