import Foundation
import FraudCore
import FraudMLflow
import FraudStore
import FraudTesting
import Testing

/// The champion alias in MLflow follows the registry through import, promotion and rollback (SQLite registry, real server),
/// as `fraud models import/promote/rollback` mirror it.
@Suite(.enabled(if: MLflowServer.unavailableReason == nil, "needs the Python package mlflow (pip install mlflow)"))
struct MLflowPromotionTests {
    @Test func championFollowsPromotionAndRollback() async throws {
        let mirror = try await MLflowServer.shared().mirror("promotion")
        let client = mirror.client
        let name = mirror.configuration.registeredModel
        let directory = TemporaryDirectory.make("mlflow-registry")
        let store = try await StoreFactory.open("sqlite:\(directory)/fraud.db")
        let registry = ModelRegistry(store: store, artifactRoot: directory + "/artifacts", evaluator: RecordedMetricsEvaluator(),
                                     policy: try PromotionPolicy(metric: "pr_auc", tolerance: 0.01))

        /// What the CLI does after each registry change: mirror the version, then every alias.
        func mirrorState(_ model: ModelVersionRecord? = nil) async throws -> [String: String] {
            let runs = try await store.runs(limit: 100)
            if let model { try await mirror.mirror(version: model, run: runs.first { $0.id == model.runId }) }
            return try await mirror.mirror(aliases: try await store.aliases(), models: try await store.models(), runs: runs)
        }
        func mlflowVersion(of model: ModelVersionRecord) async throws -> String {
            try #require(try await mirror.mirroredVersion(model)).version
        }
        func alias(_ alias: String) async throws -> String? {
            try await client.modelVersion(name: name, alias: alias)?.version
        }

        let first = try await registry.importArtifact(from: try MLflowFixtures.artifact(prAUC: 0.80, createdAt: "2026-11-01T10:00:00Z"))
        #expect(try await mirrorState(first) == [:])
        let firstInMLflow = try await mlflowVersion(of: first)
        let firstVersion = try await client.modelVersion(name: name, version: firstInMLflow)
        let firstRun = try await client.run(id: try #require(firstVersion.runId))
        #expect(firstRun.tags.dictionary["fraud.run_id"] == first.runId)
        #expect(firstRun.tags.dictionary["fraud.status"] == "imported")
        #expect(firstRun.params.dictionary == ["max_depth": "6", "eta": "0.1"])

        guard case .moved = try await registry.promote(version: first.version, by: "ana", reason: "first champion") else {
            Issue.record("the first promotion was refused")
            return
        }
        #expect(try await mirrorState() == ["champion": firstInMLflow])
        #expect(try await alias("champion") == firstInMLflow)

        let second = try await registry.importArtifact(from: try MLflowFixtures.artifact(prAUC: 0.85, createdAt: "2026-11-02T10:00:00Z"))
        try await registry.setAlias(AliasRecord.challenger, to: second.version, by: "ana", reason: "imported")
        _ = try await mirrorState(second)
        let secondInMLflow = try await mlflowVersion(of: second)
        #expect(secondInMLflow != firstInMLflow)
        #expect(try await alias("challenger") == secondInMLflow)
        #expect(try await alias("champion") == firstInMLflow)

        guard case .moved = try await registry.promote(version: second.version, by: "bob", reason: "better pr_auc") else {
            Issue.record("the promotion of the better version was refused")
            return
        }
        #expect(try await mirrorState() == ["champion": secondInMLflow, "challenger": secondInMLflow])
        #expect(try await alias("champion") == secondInMLflow)

        guard case .moved = try await registry.rollback(by: "bob", reason: "alert storm") else {
            Issue.record("the rollback was refused")
            return
        }
        #expect(try await mirrorState() == ["champion": firstInMLflow, "challenger": secondInMLflow])
        #expect(try await alias("champion") == firstInMLflow)
        let registered = try #require(try await client.registeredModel(name: name))
        #expect(Set(registered.aliases?.map { "\($0.alias)=\($0.version)" } ?? []) == ["champion=\(firstInMLflow)", "challenger=\(secondInMLflow)"])

        // An alias the registry no longer has is deleted from MLflow (DELETE with a JSON body).
        let withoutChallenger = try await store.aliases().filter { $0.name != AliasRecord.challenger }
        #expect(try await mirror.mirror(aliases: withoutChallenger, models: try await store.models(), runs: []) == ["champion": firstInMLflow])
        #expect(try await alias("challenger") == nil)
        try await mirror.removeAlias(AliasRecord.challenger)  // already gone: not an error
        #expect(try await client.modelVersions(name: name).count == 2)
        try await store.close()
    }
}
