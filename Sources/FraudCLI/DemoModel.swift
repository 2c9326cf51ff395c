import Foundation
import FraudCore
import FraudModel
import FraudMonitoring
import FraudSimulator
import FraudStore

/// `fraud demo`'s first run: with no champion in the registry, simulates a training set, trains gradient-boosted
/// trees on it, registers the artifact and makes it champion.
enum DemoModel {
    /// The champion's version, training one first if there is none.
    /// - Returns: the version and the simulator to stream from (it continues the training set's cards and time when one was made).
    static func ensureChampion(registry: ModelRegistry, trainingRows: Int, seed: UInt64) async throws -> (version: String, simulator: PaymentSimulator) {
        if let champion = try await registry.store.alias(AliasRecord.champion) {
            ModelProgress.line("champion model: version \(champion.version)")
            // A new seed each run, so the streamed payments are new ones (stored rows are never overwritten).
            return (champion.version, try PaymentSimulator(seed: UInt64(WallClock.now.millisecondsSinceEpoch)))
        }
        ModelProgress.line("no champion model yet: simulating \(trainingRows) payments to train one")
        var simulator = try PaymentSimulator(seed: seed)
        let payments = simulator.nextBatch(count: trainingRows)
        var extractor = FeatureExtractor()
        var reported = 0
        let estimate = ProgressEstimate()
        let features = LabelledFeatures(transactions: payments, extractor: &extractor) { done, total in
            if done * 10 / total > reported {
                reported = done * 10 / total
                ModelProgress.line("features: \(estimate.text(done: done, total: total))")
            }
        }
        let frauds = features.labels.filter { $0 }.count
        let fingerprint = DataFingerprint(rows: payments.count, frauds: frauds, firstEventTime: payments.first?.eventTime.iso,
                                          lastEventTime: payments.last?.eventTime.iso, sha256: "", files: ["simulated, seed \(seed)"])
        let training = try ModelTraining(kind: .xgboost, xgboost: try XGBoostParameters(rounds: 100))
        let outcome = try training.train(features, fingerprint: fingerprint, progress: ModelProgress.line)
        let staging = FileManager.default.temporaryDirectory.appendingPathComponent("fraud-demo-model-\(UUID().uuidString)").path
        try outcome.artifact.write(directory: staging)
        // The monitor's training reference: a sample of the training payments' drift columns and their scores.
        try DriftReferenceBuilder().build(transactions: payments, model: outcome.model, source: "simulated, seed \(seed)")
            .write(directory: staging)
        defer { try? FileManager.default.removeItem(atPath: staging) }
        let model = try await registry.importArtifact(from: staging, description: "fraud demo: XGBoost on \(trainingRows) simulated payments")
        _ = try await registry.promote(version: model.version, force: true, by: "fraud demo", reason: "demo: first champion")
        ModelProgress.line("trained and promoted model version \(model.version) (\(frauds) frauds in the training set)")
        return (model.version, simulator)
    }
}
