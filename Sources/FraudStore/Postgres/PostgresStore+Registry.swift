import FraudCore
import PostgresNIO

extension PostgresStore {
    package func record(_ run: RunRecord) async throws {
        var statement = SQLStatement(.postgres)
        let placeholders = run.values.map { statement.bind($0) }.joined(separator: ", ")
        let updates = RunRecord.selectList.split(separator: ", ").dropFirst().map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        statement.sql = "INSERT INTO runs (\(RunRecord.selectList)) VALUES (\(placeholders)) ON CONFLICT (id) DO UPDATE SET \(updates)"
        try await execute("record run '\(run.id)'", statement)
    }

    package func register(_ model: ModelVersionRecord) async throws {
        var statement = SQLStatement(.postgres)
        let placeholders = model.values.map { statement.bind($0) }.joined(separator: ", ")
        statement.sql = "INSERT INTO models (\(ModelVersionRecord.selectList)) VALUES (\(placeholders)) ON CONFLICT (version) DO NOTHING"
        let result = try await execute("register model version '\(model.version)'", statement)
        if result.metadata.rows == 0 { throw StoreError(.duplicateVersion(model.version)) }
    }

    package func moveAlias(_ change: AliasChange) async throws -> AliasRecord {
        try await transaction("move alias '\(change.alias)'") { connection in
            // One lock for every alias move: generations stay strictly increasing across concurrent movers.
            _ = try await self.query(connection, SQLStatement(.postgres, "LOCK TABLE aliases IN EXCLUSIVE MODE"))
            var exists = SQLStatement(.postgres)
            exists.sql = "SELECT version FROM models WHERE version = \(exists.bind(.text(change.toVersion)))"
            guard try await !self.query(connection, exists).rows.isEmpty else { throw StoreError(.unknownVersion(change.toVersion)) }
            var current = SQLStatement(.postgres)
            current.sql = "SELECT version FROM aliases WHERE name = \(current.bind(.text(change.alias)))"
            let currentVersion = try await self.query(connection, current).rows.first.map { try PostgresRowReader(row: $0).text(required: "version") }
            guard currentVersion == change.expectedVersion else {
                throw StoreError(.aliasConflict(alias: change.alias, expected: change.expectedVersion, actual: currentVersion))
            }
            let maxRows = try await self.query(connection, SQLStatement(.postgres, "SELECT COALESCE(MAX(generation), 0) AS g FROM aliases")).rows
            let generation = try PostgresRowReader(row: maxRows[0]).int64(required: "g") + 1
            let at = Int64(change.at.millisecondsSinceEpoch)
            var upsert = SQLStatement(.postgres)
            let values = [SQLValue.text(change.alias), .text(change.toVersion), .int(generation), .int(at), .text(change.by)]
            upsert.sql = "INSERT INTO aliases (name, version, generation, updated_at, updated_by) VALUES ("
                + values.map { upsert.bind($0) }.joined(separator: ", ") + ") ON CONFLICT (name) DO UPDATE SET version = excluded.version, "
                + "generation = excluded.generation, updated_at = excluded.updated_at, updated_by = excluded.updated_by"
            _ = try await self.query(connection, upsert)
            var history = SQLStatement(.postgres)
            let historyValues = [SQLValue.text(change.alias), currentVersion.map { .text($0) } ?? .null, .text(change.toVersion),
                                 .text(change.action.rawValue), .text(change.by), .text(change.reason), .int(at)]
            history.sql = "INSERT INTO alias_history (alias, from_version, to_version, action, changed_by, reason, changed_at) VALUES ("
                + historyValues.map { history.bind($0) }.joined(separator: ", ") + ")"
            _ = try await self.query(connection, history)
            return AliasRecord(name: change.alias, version: change.toVersion, generation: generation, updatedAt: change.at, updatedBy: change.by)
        }
    }
}
