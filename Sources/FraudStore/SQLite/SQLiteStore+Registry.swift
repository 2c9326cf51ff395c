import FraudCore
import GRDB

extension SQLiteStore {
    package func record(_ run: RunRecord) async throws {
        try await self.runDurably("record run '\(run.id)'") { db in
            try db.execute(sql: "INSERT OR REPLACE INTO runs (\(RunRecord.selectList)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           arguments: StatementArguments(run.values.map(\.databaseValue)))
        }
    }

    package func register(_ model: ModelVersionRecord) async throws {
        try await runDurably("register model version '\(model.version)'") { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM models WHERE version = ?", arguments: [model.version]) != nil {
                throw StoreError(.duplicateVersion(model.version))
            }
            try db.execute(sql: "INSERT INTO models (\(ModelVersionRecord.selectList)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           arguments: StatementArguments(model.values.map(\.databaseValue)))
        }
    }

    package func moveAlias(_ change: AliasChange) async throws -> AliasRecord {
        try await runDurably("move alias '\(change.alias)'") { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM models WHERE version = ?", arguments: [change.toVersion]) != nil else {
                throw StoreError(.unknownVersion(change.toVersion))
            }
            let current = try String.fetchOne(db, sql: "SELECT version FROM aliases WHERE name = ?", arguments: [change.alias])
            guard current == change.expectedVersion else {
                throw StoreError(.aliasConflict(alias: change.alias, expected: change.expectedVersion, actual: current))
            }
            let generation = (try Int64.fetchOne(db, sql: "SELECT MAX(generation) FROM aliases") ?? 0) + 1
            let at = change.at.millisecondsSinceEpoch
            try db.execute(sql: """
                INSERT INTO aliases (name, version, generation, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (name) DO UPDATE SET version = excluded.version, generation = excluded.generation,
                updated_at = excluded.updated_at, updated_by = excluded.updated_by
                """, arguments: [change.alias, change.toVersion, generation, at, change.by])
            try db.execute(sql: """
                INSERT INTO alias_history (alias, from_version, to_version, action, changed_by, reason, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [change.alias, current, change.toVersion, change.action.rawValue, change.by, change.reason, at])
            return AliasRecord(name: change.alias, version: change.toVersion, generation: generation, updatedAt: change.at, updatedBy: change.by)
        }
    }
}
