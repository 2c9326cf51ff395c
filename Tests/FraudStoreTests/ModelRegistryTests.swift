import Foundation
import FraudCore
import FraudStore
import Testing

/// The registry on a real SQLite file and real artifact directories, judged by `RecordedMetricsEvaluator`.
@Suite struct ModelRegistryTests {
    /// A temporary directory with a database, a registry root and artifact directories.
    final class Workspace: @unchecked Sendable {
        let root: String

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("fraud-registry-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        }

        deinit { try? FileManager.default.removeItem(atPath: root) }

        /// Writes an artifact directory whose metadata records `prAUC`.
        func artifact(_ name: String, prAUC: Double) throws -> String {
            let directory = root + "/" + name
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let metadata = """
                {"kind": "xgboost", "threshold": 0.37, "validation_metrics": {"pr_auc": \(prAUC), "f1": 0.5, "pr_curve": [[0, 1]]},
                 "parameters": {"max_depth": "6"}, "created_at": "2020-09-01T10:00:00Z", "training_seconds": 1.5,
                 "training_data": {"rows": 1000, "frauds": 4, "sha256": "abc"}}
                """
            try Data(metadata.utf8).write(to: URL(fileURLWithPath: directory + "/metadata.json"))
            try Data("{\"learner\":{}}".utf8).write(to: URL(fileURLWithPath: directory + "/model.json"))
            return directory
        }
    }

    func registry(_ workspace: Workspace, tolerance: Double = 0.01) async throws -> (ModelRegistry, SQLiteStore) {
        let store = try await SQLiteStore.open(path: workspace.root + "/fraud.db")
        let registry = ModelRegistry(store: store, artifactRoot: workspace.root + "/registry", evaluator: RecordedMetricsEvaluator(),
                                     policy: try PromotionPolicy(metric: "pr_auc", tolerance: tolerance))
        return (registry, store)
    }

    @Test func importCopiesTheArtifactAndRecordsRunAndVersion() async throws {
        let workspace = try Workspace()
        let (registry, store) = try await registry(workspace)
        let first = try await registry.importArtifact(from: try workspace.artifact("a", prAUC: 0.8))
        let second = try await registry.importArtifact(from: try workspace.artifact("b", prAUC: 0.7))
        #expect(first.version == "1" && second.version == "2")
        #expect(first.modelType == "xgboost" && first.threshold == 0.37 && first.metrics["pr_auc"] == 0.8 && first.metrics["pr_curve"] == nil)
        #expect(FileManager.default.fileExists(atPath: workspace.root + "/registry/1/model.json"))
        #expect(first.artifactPath.hasSuffix("/registry/1"))
        let runs = try await store.runs(limit: 10)
        #expect(runs.count == 2 && runs.allSatisfy { $0.status == "imported" && $0.params["max_depth"] == "6" && $0.dataFingerprint?.rows == 1000 })
        await #expect(throws: ArtifactError.self) { try await registry.importArtifact(from: workspace.root + "/missing") }
        try await store.close()
    }

    @Test func promoteGateRollbackAndAuditTrail() async throws {
        let workspace = try Workspace()
        let (registry, store) = try await registry(workspace)
        let v1 = try await registry.importArtifact(from: try workspace.artifact("a", prAUC: 0.80)).version
        let v2 = try await registry.importArtifact(from: try workspace.artifact("b", prAUC: 0.795)).version
        let v3 = try await registry.importArtifact(from: try workspace.artifact("c", prAUC: 0.60)).version
        let generation0 = try await store.aliasGeneration()
        #expect(try await registry.store.championChanged(since: generation0) == nil)

        guard case .moved(let first, _) = try await registry.promote(version: v1, by: "ana", reason: "initial") else { Issue.record("v1 not promoted"); return }
        #expect(first.version == v1)
        let changed = try await registry.store.championChanged(since: generation0)
        #expect(changed?.champion?.version == v1 && changed!.generation > generation0)

        // v2 is worse by 0.005, within the tolerance of 0.01.
        guard case .moved = try await registry.promote(version: v2, by: "bob", reason: "retrained") else { Issue.record("v2 not promoted"); return }
        // v3 is worse by 0.195: refused, and nothing changes.
        let refused = try await registry.promote(version: v3, by: "bob", reason: "try")
        #expect(refused == .rejected(.worseThanChampion(metric: "pr_auc", candidate: 0.6, champion: 0.795, tolerance: 0.01)))
        #expect(try await store.alias("champion")?.version == v2)
        guard case .moved = try await registry.promote(version: v3, force: true, by: "carol", reason: "hotfix") else { Issue.record("force failed"); return }

        guard case .moved(let back, _) = try await registry.rollback(by: "dave", reason: "alerts exploded") else { Issue.record("rollback failed"); return }
        #expect(back.version == v2)
        guard case .moved(let backAgain, _) = try await registry.rollback(by: "dave", reason: "still bad") else { Issue.record("rollback failed"); return }
        #expect(backAgain.version == v1)
        #expect(try await registry.rollback(by: "dave", reason: "") == .rejected(.noPreviousChampion))

        let history = try await store.aliasHistory(alias: "champion", limit: 10)
        #expect(history.map(\.toVersion) == [v1, v2, v3, v2, v1])
        #expect(history.map(\.action) == [.rollback, .rollback, .forcePromote, .promote, .promote])
        #expect(history.map(\.by) == ["dave", "dave", "carol", "bob", "ana"])
        #expect(history[0].reason == "still bad" && history[2].reason == "forced: hotfix")
        #expect(history[3].reason.contains("pr_auc 0.795 vs champion 0.8"))
        try await registry.setAlias("challenger", to: v3, by: "ana", reason: "shadow")
        #expect(try await store.alias("challenger")?.version == v3)
        await #expect(throws: StoreError(.unknownVersion("42"))) { try await registry.promote(version: "42", by: "x", reason: "") }
        try await store.close()
    }
}
