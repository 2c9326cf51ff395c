import FraudCore

extension SQLStore {
    package func transactions(_ query: TransactionQuery) async throws -> TransactionPage {
        let rows = try await fetch("list transactions", StoreQueries.transactions(query, dialect)) { try StoredTransaction(row: $0) }
        return StoreQueries.page(rows, query)
    }

    package func alerts(_ query: AlertQuery) async throws -> [AlertRecord] {
        try await fetch("list alerts", StoreQueries.alerts(query, dialect)) { try AlertRecord(row: $0) }
    }

    package func quarantined(limit: Int) async throws -> [QuarantinedRecord] {
        try await fetch("list quarantine", SQLStatement(dialect, StoreQueries.quarantined(limit: limit))) { try QuarantinedRecord(row: $0) }
    }

    package func labelled(after watermark: LabelWatermark?, limit: Int) async throws -> [StoredTransaction] {
        try await fetch("list labelled payments", StoreQueries.labelled(after: watermark, limit: limit, dialect)) { try StoredTransaction(row: $0) }
    }

    package func counts() async throws -> StoreCounts {
        let rows = try await fetch("count rows", SQLStatement(dialect, StoreQueries.counts)) { row in
            StoreCounts(transactions: Int(try row.int64(required: "transactions")), labelled: Int(try row.int64(required: "labelled")),
                        alerts: Int(try row.int64(required: "alerts")), quarantined: Int(try row.int64(required: "quarantined")))
        }
        return rows[0]
    }

    package func driftReports(limit: Int) async throws -> [DriftReportRecord] {
        try await fetch("list drift reports", SQLStatement(dialect, StoreQueries.driftReports(limit: limit))) { try DriftReportRecord(row: $0) }
    }

    package func labelledOutcomes(since: EventTime?) async throws -> LabelledOutcomes {
        try await fetch("labelled outcomes", StoreQueries.labelledOutcomes(since: since, dialect)) { try StoreQueries.outcomes($0) }[0]
    }
}
