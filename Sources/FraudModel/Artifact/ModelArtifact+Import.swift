import Foundation

extension ModelArtifact {
    /// An artifact for an XGBoost model trained elsewhere (e.g. Python): its JSON plus the spec naming
    /// its input columns in its own order (any subset of `FeatureNames.all`).
    /// - Throws: `ModelError` when the spec names unknown features or the model cannot be scored natively.
    public static func importXGBoost(modelJSON: Data, spec: FeatureSpec, threshold: Double,
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

    /// Imports from a directory holding `model.json` and `features.json` (a Python export).
    public static func importXGBoost(directory: String, threshold: Double) throws -> ModelArtifact {
        let url = URL(fileURLWithPath: directory)
        let spec: FeatureSpec
        do { spec = try JSONDecoder().decode(FeatureSpec.self, from: Data(contentsOf: url.appendingPathComponent("features.json"))) } catch {
            throw ModelError.malformed(file: url.appendingPathComponent("features.json").path, reason: "\(error)")
        }
        return try importXGBoost(modelJSON: try Data(contentsOf: url.appendingPathComponent("model.json")), spec: spec, threshold: threshold)
    }
}
