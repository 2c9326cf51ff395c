import FraudCore

extension SQLStore {
    package func runs(limit: Int) async throws -> [RunRecord] {
        let sql = "SELECT \(RunRecord.selectList) FROM runs ORDER BY started_at DESC, id DESC LIMIT \(min(max(limit, 1), 10_000))"
        return try await fetch("list runs", SQLStatement(dialect, sql)) { try RunRecord(row: $0) }
    }

    package func models() async throws -> [ModelVersionRecord] {
        let sql = "SELECT \(ModelVersionRecord.selectList) FROM models ORDER BY created_at, version"
        return try await fetch("list models", SQLStatement(dialect, sql)) { try ModelVersionRecord(row: $0) }
    }

    package func aliases() async throws -> [AliasRecord] {
        try await fetch("list aliases", SQLStatement(dialect, "SELECT \(AliasRecord.selectList) FROM aliases ORDER BY name")) { try AliasRecord(row: $0) }
    }

    package func aliasHistory(alias: String?, limit: Int) async throws -> [AliasHistoryEntry] {
        try await fetch("list alias history", StoreQueries.aliasHistory(alias: alias, limit: limit, dialect)) { try AliasHistoryEntry(row: $0) }
    }

    package func aliasGeneration() async throws -> Int64 {
        try await fetch("read alias generation", SQLStatement(dialect, "SELECT COALESCE(MAX(generation), 0) AS g FROM aliases")) {
            try $0.int64(required: "g")
        }[0]
    }
}
