import Foundation

/// A model directory: `model.json` (XGBoost JSON, or this project's JSON for logistic/baseline),
/// `features.json` (the `FeatureSpec`), `metadata.json` (`ModelMetadata`).
package struct ModelArtifact: Sendable {
    package var spec: FeatureSpec
    package var metadata: ModelMetadata
    /// The bytes of `model.json`.
    package var modelJSON: Data

    /// Reads the three files of `directory`.
    package static func load(directory: String) throws -> ModelArtifact {
        let url = URL(fileURLWithPath: directory)
        func read(_ name: String) throws -> Data {
            do { return try Data(contentsOf: url.appendingPathComponent(name)) } catch {
                throw ModelError.malformed(file: url.appendingPathComponent(name).path, reason: "cannot read: \(error.localizedDescription)")
            }
        }
        func decode<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
            do { return try JSONDecoder().decode(type, from: try read(name)) } catch let error as ModelError { throw error } catch {
                throw ModelError.malformed(file: url.appendingPathComponent(name).path, reason: "\(error)")
            }
        }
        return ModelArtifact(spec: try decode(FeatureSpec.self, "features.json"),
                             metadata: try decode(ModelMetadata.self, "metadata.json"), modelJSON: try read("model.json"))
    }

    /// Writes the three files into `directory` (created if needed).
    package func write(directory: String) throws {
        let url = URL(fileURLWithPath: directory)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try modelJSON.write(to: url.appendingPathComponent("model.json"))
        try encoder.encode(spec).write(to: url.appendingPathComponent("features.json"))
        try encoder.encode(metadata).write(to: url.appendingPathComponent("metadata.json"))
    }

    /// The scoring model, reading the extractor's columns (`FeatureNames.spec`).
    /// - Throws: `ModelError` when the spec names unknown features or `model.json` is malformed.
    package func scoringModel() throws -> any ScoringModel {
        let extractor = FeatureNames.spec
        let columns = try spec.columns(in: extractor)
        switch metadata.kind {
        case .xgboost:
            return try TreeEnsemble(json: modelJSON, columns: extractor.names.count, featureColumns: columns)
        case .logistic, .baseline:
            guard columns == Array(0..<extractor.names.count) else {
                throw ModelError.unsupported("\(metadata.kind) models must use the extractor's columns in order")
            }
            do {
                return metadata.kind == .logistic
                    ? try JSONDecoder().decode(LogisticModel.self, from: modelJSON)
                    : try JSONDecoder().decode(ConstantModel.self, from: modelJSON)
            } catch {
                throw ModelError.malformed(file: "model.json", reason: "not a \(metadata.kind) model: \(error)")
            }
        }
    }
}
