import Foundation

extension ModelArtifact {
    /// An artifact for an XGBoost model trained elsewhere (e.g. Python): its JSON plus the spec naming
    /// its input columns in its own order (any subset of `FeatureNames.all`).
    /// - Throws: `ModelError` when the spec names unknown features or the model cannot be scored natively.
    package static func importXGBoost(modelJSON: Data, spec: FeatureSpec, threshold: Double,
                                     fingerprint: DataFingerprint? = nil) throws -> ModelArtifact {
        let metadata = ModelMetadata(
            kind: .xgboost, featureVersion: spec.version, parameters: ["imported": "true"], threshold: threshold,
            thresholdObjective: "given", validationMetrics: nil,
            trainingData: fingerprint ?? DataFingerprint(rows: 0, frauds: 0, firstEventTime: nil, lastEventTime: nil, sha256: "", files: []),
            trainingRows: 0, validationRows: 0, trainingSeconds: 0, createdAt: ISO8601DateFormatter().string(from: Date()))
        let artifact = ModelArtifact(spec: spec, metadata: metadata, modelJSON: modelJSON)
        _ = try artifact.scoringModel()  // reject now what could not be scored later
        return artifact
    }

    /// Imports from a directory holding `model.json` and `features.json` (a Python export). `features.json` is
    /// either a `FeatureSpec` object (`{"version": ..., "names": [...]}`) or a plain array of feature names.
    package static func importXGBoost(directory: String, threshold: Double) throws -> ModelArtifact {
        let url = URL(fileURLWithPath: directory)
        let specURL = url.appendingPathComponent("features.json")
        let spec: FeatureSpec
        do {
            let data = try Data(contentsOf: specURL)
            if let names = try? JSONDecoder().decode([String].self, from: data) {
                spec = FeatureSpec(version: FeatureNames.version, names: names)
            } else {
                spec = try JSONDecoder().decode(FeatureSpec.self, from: data)
            }
        } catch {
            throw ModelError.malformed(file: specURL.path, reason: "expected {\"version\": ..., \"names\": [...]} or an array of feature names: \(error)")
        }
        let modelURL = url.appendingPathComponent("model.json")
        let modelJSON: Data
        do { modelJSON = try Data(contentsOf: modelURL) } catch {
            throw ModelError.malformed(file: modelURL.path, reason: "cannot read: \(error.localizedDescription)")
        }
        return try importXGBoost(modelJSON: modelJSON, spec: spec, threshold: threshold)
    }

    /// Whether `directory` is a bare XGBoost export (`model.json` and `features.json`, no `metadata.json`).
    package static func isXGBoostExport(directory: String) -> Bool {
        let files = FileManager.default
        let path = { (name: String) in (directory as NSString).appendingPathComponent(name) }
        return !files.fileExists(atPath: path("metadata.json")) && files.fileExists(atPath: path("model.json"))
            && files.fileExists(atPath: path("features.json"))
    }

    /// The directory `fraud models import` registers: `directory` itself when it is a complete artifact, or for a bare
    /// XGBoost export a new temporary directory with the completed artifact (`metadata.json` with `threshold`),
    /// checked to be scorable by the native evaluator. The caller removes a temporary directory.
    package static func registrableDirectory(for directory: String, threshold: Double) throws -> (path: String, isTemporary: Bool) {
        guard isXGBoostExport(directory: directory) else { return (directory, false) }
        let artifact = try importXGBoost(directory: directory, threshold: threshold)
        let staging = FileManager.default.temporaryDirectory.appendingPathComponent("fraud-import-\(UUID().uuidString)").path
        try artifact.write(directory: staging)
        return (staging, true)
    }
}
