import FraudCore
import FraudMetrics
import FraudModel
import FraudTesting
import FraudXGBoost
import Foundation
import Testing

@Suite(.serialized) struct ModelArtifactTests {
    @Test(arguments: ModelKind.allCases)
    func trainWriteLoadScore(kind: ModelKind) throws {
        let parameters = try FraudXGBoostDefaults.small()
        let training = try ModelTraining(kind: kind, validationFraction: 0.3, xgboost: parameters)
        let outcome = try training.train(ModelFixtures.features, fingerprint: ModelFixtures.fingerprint)
        let directory = try ModelFixtures.temporaryDirectory()
        try outcome.artifact.write(directory: directory)
        let scorer = try FraudScorer(artifactDirectory: directory, modelVersion: "v1")
        let data = ModelFixtures.features
        let decisions = scorer.score(data.matrix, reasons: .flagged(top: 3))
        #expect(decisions.map(\.score) == outcome.model.scores(data.matrix))
        #expect(scorer.threshold == outcome.artifact.metadata.threshold)
        switch kind {
        case .baseline:
            #expect(decisions.allSatisfy { !$0.prediction })
        case .logistic, .xgboost:
            #expect(outcome.validationReport.prAUC > 0.8)
            let flagged = decisions.filter(\.prediction)
            #expect(!flagged.isEmpty)
            #expect(flagged.allSatisfy { !$0.reasons.isEmpty && $0.reasons.count <= 3 })
            #expect(flagged.allSatisfy { Set($0.reasons.map(\.feature)).isSubset(of: FeatureNames.all) })
        }
    }

    @Test func liveScoringMatchesOfflineExtraction() throws {
        // A scorer fed micro-batches through its own extractor sees exactly the offline features.
        let training = try ModelTraining(kind: .xgboost, validationFraction: 0.3, xgboost: FraudXGBoostDefaults.small())
        let outcome = try training.train(ModelFixtures.features, fingerprint: ModelFixtures.fingerprint)
        let scorer = try FraudScorer(artifact: outcome.artifact, modelVersion: "v1")
        var extractor = FeatureExtractor()
        var live: [Double] = []
        let all = ModelFixtures.transactions
        for start in stride(from: 0, to: all.count, by: 37) {
            live += scorer.score(Array(all[start..<min(start + 37, all.count)]), extractor: &extractor, reasons: .none).map(\.score)
        }
        #expect(live == outcome.model.scores(ModelFixtures.features.matrix))
    }

    @Test func importsAPythonTrainedModelWithItsOwnFeatureOrder() throws {
        // Python trains on a reordered subset of the columns, named in its features.json.
        let data = ModelFixtures.features
        let names = ["card_count_24h", "amount_log", "night", "card_amount_24h", "amount_vs_card_mean", "category_shopping_net"]
        let directory = try ModelFixtures.temporaryDirectory()
        let python = try ModelFixtures.trainInPython(columns: names, modelPath: directory + "/model.json")
        let artifact = try ModelArtifact.importXGBoost(
            modelJSON: Data(contentsOf: URL(fileURLWithPath: directory + "/model.json")),
            spec: FeatureSpec(version: FeatureNames.version, names: names), threshold: 0.5)
        let scores = try artifact.scoringModel().scores(data.matrix)
        #expect(zip(scores, python.scores).map { abs($0 - $1) }.max()! < 1e-6)
        #expect(throws: ModelError.self) {
            try ModelArtifact.importXGBoost(modelJSON: artifact.modelJSON, spec: FeatureSpec(version: "x", names: ["no_such_feature"]), threshold: 0.5)
        }
    }
}

enum FraudXGBoostDefaults {
    static func small() throws -> XGBoostParameters {
        try XGBoostParameters(rounds: 40, earlyStoppingRounds: 10, maxDepth: 4, learningRate: 0.3, threads: 1)
    }
}
