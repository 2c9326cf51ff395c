import FraudCore
import FraudStore

/// The conformance checks on runs, model versions and aliases.
enum RegistryChecks {
    static let t0 = StoreChecks.t0

    static func model(_ version: String, _ seconds: Int64, prAUC: Double = 0.8) -> ModelVersionRecord {
        ModelVersionRecord(version: version, runId: "run-\(version)", createdAt: t0.adding(seconds: seconds), modelType: "xgboost",
                           threshold: 0.42, metrics: ["pr_auc": prAUC, "f1": 0.7], artifactPath: "/models/\(version)",
                           metadataJSON: "{\"version\":\"\(version)\"}", description: nil)
    }

    static func registry(_ store: any FraudDatabase) async throws {
        let run = RunRecord(id: "run-1", startedAt: t0, finishedAt: t0.adding(seconds: 90), status: "finished",
                            params: ["max_depth": "6", "eta": "0.1"], metrics: ["pr_auc": 0.81], timings: ["train": 1.5],
                            dataFingerprint: DataFingerprint(rows: 1000, frauds: 4, firstEventTime: "2020-06-21 00:00:00", sha256: "ab12"),
                            artifactLocation: "/tmp/a")
        try await store.record(run)
        var updated = run
        updated.status = "imported"
        try await store.record(updated)
        try await store.record(RunRecord(id: "run-2", startedAt: t0.adding(seconds: 5), status: "running"))
        try expectEqual(try await store.runs(limit: 10), [RunRecord(id: "run-2", startedAt: t0.adding(seconds: 5), status: "running"), updated], "runs, newest first")
        try await store.register(model("1", 0))
        try await store.register(model("2", 10))
        try expectEqual(try await store.models(), [model("1", 0), model("2", 10)], "models, oldest first")
        try expectEqual(try await store.model(version: "2"), model("2", 10), "one model by version")
        try await expectStoreError("registering a version twice", { if case .duplicateVersion("1") = $0 { true } else { false } }) {
            try await store.register(model("1", 20))
        }
    }

    static func aliasMoves(_ store: any FraudDatabase) async throws {
        try await store.register(model("1", 0))
        try await store.register(model("2", 10))
        try expectEqual(try await store.aliasGeneration(), 0, "generation before any alias")
        let set = AliasChange(alias: AliasRecord.champion, expectedVersion: nil, toVersion: "1", action: .set, by: "ana", reason: "first", at: t0)
        let first = try await store.moveAlias(set)
        try expectEqual(first.generation, 1, "generation after the first move")
        try await expectStoreError("moving with a stale expectation", { kind in
            if case .aliasConflict("champion", nil, "1") = kind { return true }
            return false
        }) { try await store.moveAlias(set) }
        try await expectStoreError("moving to an unknown version", { if case .unknownVersion("9") = $0 { true } else { false } }) {
            try await store.moveAlias(AliasChange(alias: "champion", expectedVersion: "1", toVersion: "9", action: .promote, by: "ana", reason: "", at: t0))
        }
        let promote = AliasChange(alias: "champion", expectedVersion: "1", toVersion: "2", action: .promote, by: "bob", reason: "better", at: t0.adding(seconds: 60))
        try await store.moveAlias(promote)
        try await store.moveAlias(AliasChange(alias: "challenger", expectedVersion: nil, toVersion: "1", action: .set, by: "bob", reason: "", at: t0.adding(seconds: 61)))
        try expectEqual(try await store.aliasGeneration(), 3, "generation after three moves")
        let aliases = try await store.aliases()
        try expectEqual(aliases.map(\.name), ["challenger", "champion"], "aliases")
        try expectEqual(try await store.alias("champion")?.version, "2", "champion version")
        try expectEqual(try await store.alias("champion")?.updatedBy, "bob", "champion moved by")
        let history = try await store.aliasHistory(alias: "champion", limit: 10)
        try expectEqual(history.map(\.toVersion), ["2", "1"], "champion history, newest first")
        try expectEqual(history[0].fromVersion, "1", "history from-version")
        try expectEqual(history[0].action, .promote, "history action")
        try expectEqual(history[0].by, "bob", "history who")
        try expectEqual(history[0].reason, "better", "history why")
        try expectEqual(history[0].at, t0.adding(seconds: 60), "history when")
        try expectEqual(history[1].fromVersion, nil, "first history entry has no from-version")
        try expectEqual(try await store.aliasHistory(alias: nil, limit: 10).count, 3, "history of all aliases")
    }
}
