import FraudModel
import FraudStore
import FraudTesting
import Foundation
import Testing

/// `fraud models import` of a model trained by Python XGBoost: the path the command takes
/// (`ModelArtifact.registrableDirectory`, then `ModelRegistry.importArtifact`), then live scoring from the registry.
@Suite(.serialized) struct PythonModelImportTests {
    @Test func aPythonTrainedModelIsRegisteredAndScoresLikePython() async throws {
        let data = ModelFixtures.features
        let names = ["amount_log", "card_count_1h", "card_amount_24h", "seconds_since_previous", "hour", "distance_km"]
        let export = try ModelFixtures.temporaryDirectory()
        let python = try ModelFixtures.trainInPython(columns: names, modelPath: export + "/model.json")
        // What a Python user writes next to the model: the feature names as a JSON array.
        try JSONEncoder().encode(names).write(to: URL(fileURLWithPath: export + "/features.json"))

        let source = try ModelArtifact.registrableDirectory(for: export, threshold: 0.7)
        #expect(source.isTemporary)
        defer { try? FileManager.default.removeItem(atPath: source.path) }
        let workspace = try ModelFixtures.temporaryDirectory()
        let store = try await SQLiteStore.open(path: workspace + "/fraud.db")
        let registry = ModelRegistry(store: store, artifactRoot: workspace + "/registry", evaluator: RecordedMetricsEvaluator(),
                                     policy: try PromotionPolicy(metric: "pr_auc", tolerance: 0.01))
        let record = try await registry.importArtifact(from: source.path, description: "trained in Python")
        try await store.close()
        #expect(record.modelType == "xgboost")
        #expect(record.threshold == 0.7)

        let scorer = try FraudScorer(artifactDirectory: record.artifactPath, modelVersion: record.version)
        let decisions = scorer.score(data.matrix, reasons: .none)
        #expect(zip(decisions.map(\.score), python.scores).map { abs($0 - $1) }.max()! < 1e-6)
        #expect(decisions.map(\.prediction) == python.scores.map { $0 >= 0.7 })
    }

    @Test func anExportNamingAnUnknownFeatureIsRefusedNamingIt() throws {
        let export = try ModelFixtures.temporaryDirectory()
        try Data(#"{"learner": {}}"#.utf8).write(to: URL(fileURLWithPath: export + "/model.json"))
        try JSONEncoder().encode(["amount_log", "no_such_feature"]).write(to: URL(fileURLWithPath: export + "/features.json"))
        #expect(ModelArtifact.isXGBoostExport(directory: export))
        let error = #expect(throws: ModelError.self) { try ModelArtifact.registrableDirectory(for: export, threshold: 0.5) }
        #expect(error.map { "\($0)" }?.contains("no_such_feature") == true)
    }
}
