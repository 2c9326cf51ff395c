import FraudCore
import Foundation

extension ModelRegistry {
    /// Registers the artifact in `directory` (`metadata.json` required; `model.json`, `features.json` as written by
    /// `fraud train`) as the next version: copies it to `artifactRoot/<version>/` (`<version>-<millis>` if that exists),
    /// records its run and the version.
    /// - Throws: `ArtifactError` naming the missing file or the bad field of `metadata.json`.
    package func importArtifact(from directory: String, description: String? = nil) async throws -> ModelVersionRecord {
        let metadata = try ArtifactMetadata(directory: directory)
        let files = FileManager.default
        try files.createDirectory(atPath: artifactRoot, withIntermediateDirectories: true)
        let now = clock()
        for _ in 0..<5 {
            let version = String((try await store.models().compactMap { Int($0.version) }.max() ?? 0) + 1)
            var destination = (artifactRoot as NSString).appendingPathComponent(version)
            // Never overwrite: the directory may belong to another database sharing this root, or to an interrupted import.
            if files.fileExists(atPath: destination) { destination += "-\(now.millisecondsSinceEpoch)" }
            try files.copyItem(atPath: directory, toPath: destination)
            let absolute = URL(fileURLWithPath: destination).standardizedFileURL.path
            let runId = metadata.runId ?? "import-\(version)-\(now.millisecondsSinceEpoch)"
            let model = ModelVersionRecord(version: version, runId: runId, createdAt: now, modelType: metadata.modelType,
                                           threshold: metadata.threshold, metrics: metadata.metrics, artifactPath: absolute,
                                           metadataJSON: metadata.json, description: description)
            do {
                try await store.record(RunRecord(id: runId, startedAt: metadata.trainedAt ?? now, finishedAt: metadata.trainedAt ?? now,
                                                 status: "imported", params: metadata.params, metrics: metadata.metrics,
                                                 timings: metadata.timings, dataFingerprint: metadata.fingerprint, artifactLocation: absolute))
                try await store.register(model)
                return model
            } catch let error as StoreError {
                try? files.removeItem(atPath: destination)
                guard case .duplicateVersion = error.kind else { throw error }
                // Another import took this version number meanwhile: take the next one.
            }
        }
        throw StoreError(.failed(operation: "import '\(directory)'", reason: "could not allocate a version number after 5 attempts"))
    }
}

/// An artifact directory that cannot be imported.
package struct ArtifactError: Error, Hashable, Sendable, CustomStringConvertible {
    package var path: String
    package var problem: String

    package var description: String { "artifact '\(path)': \(problem)" }
}

/// The fields of an artifact's `metadata.json` the registry records; unknown fields are kept in `json`.
struct ArtifactMetadata {
    var json: String
    var modelType: String
    var threshold: Double?
    var metrics: [String: Double]
    var params: [String: String]
    var timings: [String: Double]
    var fingerprint: DataFingerprint?
    var runId: String?
    var trainedAt: EventTime?

    init(directory: String) throws {
        let path = (directory as NSString).appendingPathComponent("metadata.json")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ArtifactError(path: directory, problem: "not a directory")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ArtifactError(path: path, problem: "missing: an artifact directory holds metadata.json (and model.json, features.json)")
        }
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw ArtifactError(path: path, problem: "not a JSON object")
        }
        json = String(decoding: data, as: UTF8.self)
        // Field names as `fraud train` writes them (FraudModel's `ModelMetadata`).
        modelType = object["kind"] as? String ?? "unknown"
        threshold = (object["threshold"] as? NSNumber)?.doubleValue
        if object["threshold"] != nil && threshold == nil { throw ArtifactError(path: path, problem: "field 'threshold' is not a number") }
        metrics = try Self.numbers(object["validation_metrics"], field: "validation_metrics", path: path)
        timings = (object["training_seconds"] as? NSNumber).map { ["training_seconds": $0.doubleValue] } ?? [:]
        params = (object["parameters"] as? [String: Any] ?? [:]).mapValues { "\($0)" }
        runId = object["run_id"] as? String
        trainedAt = (object["created_at"] as? String).flatMap { EventTime($0.prefix(19)) }
        if let print = object["training_data"] as? [String: Any] {
            let range = print["time_range"] as? [String]
            fingerprint = DataFingerprint(
                rows: (print["rows"] as? NSNumber)?.intValue ?? 0, frauds: (print["frauds"] as? NSNumber)?.intValue,
                firstEventTime: print["first_event_time"] as? String ?? range?.first, lastEventTime: print["last_event_time"] as? String ?? range?.last,
                sha256: print["sha256"] as? String)
        }
    }

    private static func numbers(_ value: Any?, field: String, path: String) throws -> [String: Double] {
        guard let value else { return [:] }
        guard let object = value as? [String: Any] else { throw ArtifactError(path: path, problem: "field '\(field)' is not an object") }
        var numbers: [String: Double] = [:]
        for (key, item) in object {
            if let number = item as? NSNumber { numbers[key] = number.doubleValue }  // curves and matrices stay in the JSON only
        }
        return numbers
    }
}
