import Foundation
import FraudCore
import FraudData
import FraudModel
import FraudMonitoring
import FraudStore

/// The story's first champion: trained on the stream's training payments (written to `training.csv`, the
/// retrainer's original data), saved with its drift reference, registered and promoted.
struct DriftDemoChampion {
    /// Its registry version.
    let version: String
    /// The training file.
    let trainingPath: String
    /// The registry's artifact directory.
    let artifactRoot: String
    /// Validation PR-AUC of the training run.
    let validationPRAUC: Double

    static func train(_ script: DriftDemoScript, on training: [Transaction], directory: String, store: any FraudDatabase,
                      clock: StreamClock) async throws -> DriftDemoChampion {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let trainingPath = (directory as NSString).appendingPathComponent("training.csv")
        let writer = try TransactionCSVWriter(path: trainingPath)
        try writer.write(contentsOf: training)
        try writer.flush()
        let artifactRoot = (directory as NSString).appendingPathComponent("registry")
        let registry = ModelRegistry(store: store, artifactRoot: artifactRoot, evaluator: RecordedMetricsEvaluator(), policy: try PromotionPolicy(),
                                     clock: { clock.now() })
        let championDirectory = (directory as NSString).appendingPathComponent("champion")
        let input = try TrainingInput.load(paths: [trainingPath])
        let trained = try script.training.train(input.features, fingerprint: input.fingerprint)
        try trained.artifact.write(directory: championDirectory)
        try DriftReferenceBuilder().build(transactions: training, model: trained.model, source: "training data \(trainingPath)")
            .write(directory: championDirectory)
        let model = try await registry.importArtifact(from: championDirectory, description: "demo champion")
        _ = try await registry.promote(version: model.version, by: "demo", reason: "initial champion")
        return DriftDemoChampion(version: model.version, trainingPath: trainingPath, artifactRoot: artifactRoot,
                                 validationPRAUC: trained.validationReport.prAUC)
    }
}
