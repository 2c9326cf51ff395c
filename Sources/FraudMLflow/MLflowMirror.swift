import FraudCore
import Foundation

/// Mirrors the registry's training runs, model versions and aliases to an MLflow tracking server, so teams that use the
/// MLflow UI keep it. The registry stays the source of truth: the mirror only writes to MLflow, and writes each thing once.
///
/// - A `RunRecord` becomes an MLflow run in `configuration.experiment`: params as params, metrics as metrics, timings as
///   `timing.<phase>` metrics, status, times, the data fingerprint and artifact location as `fraud.*` tags.
/// - A `ModelVersionRecord` becomes a version of the registered model `configuration.registeredModel`, linked to its run,
///   tagged `fraud.version` (MLflow numbers its versions itself, so the two numbers may differ).
/// - An `AliasRecord` (`champion`, `challenger`) becomes the MLflow alias of the same name on the mirrored version.
package struct MLflowMirror: Sendable {
    /// Where in MLflow the mirror writes.
    package struct Configuration: Hashable, Sendable {
        /// The experiment runs are recorded in. Default `fraud-detection`.
        package var experiment: String
        /// The registered model versions and aliases belong to. Default `fraud-detector`.
        package var registeredModel: String

        /// Where to write; the defaults are `fraud-detection` and `fraud-detector`.
        package init(experiment: String = "fraud-detection", registeredModel: String = "fraud-detector") {
            self.experiment = experiment
            self.registeredModel = registeredModel
        }
    }

    /// Tag names the mirror writes and finds things by.
    package enum Tag {
        /// On runs: the registry's run id; the key that makes mirroring a run idempotent.
        package static let runId = "fraud.run_id"
        /// On runs: the registry's status (`finished`, `imported`, ...).
        package static let status = "fraud.status"
        /// On runs and versions: the artifact directory.
        package static let artifactLocation = "fraud.artifact_location"
        /// On runs: `created_at` of the artifact's `metadata.json`, which links an imported version to its training run.
        package static let artifactCreatedAt = "fraud.artifact_created_at"
        /// On runs: the training data's fingerprint (`fraud.data.rows`, `.frauds`, `.first_event_time`, `.last_event_time`, `.sha256`).
        package static let dataPrefix = "fraud.data."
        /// On versions: the registry's version.
        package static let version = "fraud.version"
        /// On versions: `xgboost`, `logistic`, ...
        package static let modelType = "fraud.model_type"
        /// On versions: the decision threshold.
        package static let threshold = "fraud.threshold"
    }

    /// The aliases the mirror manages: set from the registry, removed from MLflow when the registry has none.
    package static let managedAliases = [AliasRecord.champion, AliasRecord.challenger]

    /// The REST client it writes through.
    package let client: MLflowClient
    /// The experiment and registered model it writes to.
    package let configuration: Configuration

    /// A mirror writing through `client` to the experiment and registered model of `configuration`.
    package init(client: MLflowClient, configuration: Configuration = Configuration()) {
        self.client = client
        self.configuration = configuration
    }

    /// The MLflow run mirroring `run` (found by its `fraud.run_id` tag, else created with everything logged).
    /// - Parameter tags: extra tags for a new run (e.g. `Tag.artifactCreatedAt`).
    @discardableResult
    package func mirror(run: RunRecord, tags: [String: String] = [:]) async throws -> MLflowRun {
        let experimentId = try await client.experimentId(named: configuration.experiment)
        if let existing = try await findRun(experimentId: experimentId, tag: Tag.runId, value: run.id) { return existing }
        let created = try await client.createRun(experimentId: experimentId, name: run.id, startTime: run.startedAt.millisecondsSinceEpoch,
                                                 tags: [MLflowTag(key: Tag.runId, value: run.id)])
        let at = (run.finishedAt ?? run.startedAt).millisecondsSinceEpoch
        let metrics = run.metrics.map { ($0.key, $0.value) } + run.timings.map { ("timing." + $0.key, $0.value) }
        try await client.logBatch(
            runId: created.info.runId,
            params: run.params.sorted { $0.key < $1.key }.map { MLflowTag(key: $0.key, value: $0.value) },
            // JSON has no NaN or infinity: such values are left out.
            metrics: metrics.filter { $0.1.isFinite }.sorted { $0.0 < $1.0 }.map { MLflowMetric(key: $0.0, value: $0.1, timestamp: at) },
            tags: Self.runTags(run, extra: tags))
        let status = ["running": "RUNNING", "failed": "FAILED"][run.status] ?? "FINISHED"
        try await client.updateRun(id: created.info.runId, status: status, endTime: status == "RUNNING" ? nil : at)
        return try await client.run(id: created.info.runId)
    }

    /// The MLflow version mirroring `model` (found by its `fraud.version` and artifact tags, else created), linked to the
    /// MLflow run of `model.runId`, else to the run trained into the same artifact, else to `run` mirrored now (a run made
    /// from the version's own figures when nil).
    ///
    /// The version's source is `runs:/<run>/model`: MLflow refuses local paths as sources. When the server stores the
    /// run's artifacts (`mlflow-artifacts:`), the artifact directory's files are uploaded there, so the MLflow UI shows
    /// them; the registry's directory is the `fraud.artifact_location` tag either way.
    @discardableResult
    package func mirror(version model: ModelVersionRecord, run: RunRecord?) async throws -> MLflowModelVersion {
        let name = configuration.registeredModel
        _ = try await client.ensureRegisteredModel(name: name, description: "Mirrored from the fraud model registry.")
        if let existing = try await mirroredVersion(model) { return existing }
        let mlflowRun = try await linkedRun(model, run: run ?? Self.run(of: model))
        if let artifactUri = mlflowRun.info.artifactUri, MLflowClient.isProxied(artifactUri: artifactUri) {
            for (path, contents) in try Self.files(under: model.artifactPath) {
                try await client.uploadArtifact(artifactUri: artifactUri, path: Self.modelPath + "/" + path, contents: contents)
            }
        }
        var tags = [
            MLflowTag(key: Tag.version, value: model.version), MLflowTag(key: Tag.modelType, value: model.modelType),
            MLflowTag(key: Tag.artifactLocation, value: model.artifactPath),
        ]
        if let threshold = model.threshold { tags.append(MLflowTag(key: Tag.threshold, value: "\(threshold)")) }
        if let runId = model.runId { tags.append(MLflowTag(key: Tag.runId, value: runId)) }
        return try await client.createModelVersion(name: name, source: "runs:/\(mlflowRun.info.runId)/\(Self.modelPath)",
                                                   runId: mlflowRun.info.runId, description: model.description, tags: tags)
    }

    /// Sets each managed alias the registry has (`champion`, `challenger`) on the mirrored version, mirroring versions
    /// (and their runs) that are not in MLflow yet, and deletes managed aliases the registry does not have.
    /// - Returns: each alias set and the MLflow version it now points at.
    @discardableResult
    package func mirror(aliases: [AliasRecord], models: [ModelVersionRecord], runs: [RunRecord]) async throws -> [String: String] {
        var pointed: [String: String] = [:]
        for name in Self.managedAliases {
            guard let alias = aliases.first(where: { $0.name == name }) else {
                try await removeAlias(name)
                continue
            }
            guard let model = models.first(where: { $0.version == alias.version }) else {
                throw MLflowError(operation: "mirror alias", message: "alias '\(name)' points at version \(alias.version), which is not registered")
            }
            let version = try await mirror(version: model, run: runs.first { $0.id == model.runId })
            try await client.setAlias(name: configuration.registeredModel, alias: name, version: version.version)
            pointed[name] = version.version
        }
        return pointed
    }

    /// Deletes the MLflow alias `name` of the registered model; an alias (or model) that is not there is fine.
    package func removeAlias(_ name: String) async throws {
        do {
            try await client.deleteAlias(name: configuration.registeredModel, alias: name)
        } catch let error as MLflowError where error.isNotFound {
            return
        }
    }

    /// The MLflow version already mirroring `model`, if any.
    package func mirroredVersion(_ model: ModelVersionRecord) async throws -> MLflowModelVersion? {
        try await client.modelVersions(name: configuration.registeredModel).first {
            $0.tags?[Tag.version] == model.version && $0.tags?[Tag.artifactLocation] == model.artifactPath
        }
    }

    private func linkedRun(_ model: ModelVersionRecord, run: RunRecord) async throws -> MLflowRun {
        let experimentId = try await client.experimentId(named: configuration.experiment)
        if let runId = model.runId, let found = try await findRun(experimentId: experimentId, tag: Tag.runId, value: runId) { return found }
        let createdAt = Self.artifactCreatedAt(model.metadataJSON)
        if let createdAt, let found = try await findRun(experimentId: experimentId, tag: Tag.artifactCreatedAt, value: createdAt) {
            return found
        }
        return try await mirror(run: run, tags: createdAt.map { [Tag.artifactCreatedAt: $0] } ?? [:])
    }

    private func findRun(experimentId: String, tag: String, value: String) async throws -> MLflowRun? {
        let filter = "tags.\"\(tag)\" = '\(MLflowClient.quoted(value))'"
        return try await client.searchRuns(experimentIds: [experimentId], filter: filter, maxResults: 1).first
    }

    /// The `fraud.*` tags of a run: status, artifact location, data fingerprint, then `extra`.
    static func runTags(_ run: RunRecord, extra: [String: String]) -> [MLflowTag] {
        var tags = [Tag.status: run.status]
        if let location = run.artifactLocation { tags[Tag.artifactLocation] = location }
        if let print = run.dataFingerprint {
            tags[Tag.dataPrefix + "rows"] = String(print.rows)
            if let frauds = print.frauds { tags[Tag.dataPrefix + "frauds"] = String(frauds) }
            if let first = print.firstEventTime { tags[Tag.dataPrefix + "first_event_time"] = first }
            if let last = print.lastEventTime { tags[Tag.dataPrefix + "last_event_time"] = last }
            if let sha256 = print.sha256 { tags[Tag.dataPrefix + "sha256"] = sha256 }
        }
        tags.merge(extra) { _, new in new }
        return tags.sorted { $0.key < $1.key }.map { MLflowTag(key: $0.key, value: $0.value) }
    }

    /// `created_at` of an artifact's `metadata.json`, if present.
    static func artifactCreatedAt(_ metadataJSON: String?) -> String? {
        guard let metadataJSON, let object = try? JSONSerialization.jsonObject(with: Data(metadataJSON.utf8)) as? [String: Any] else { return nil }
        return object["created_at"] as? String
    }

    /// Where in a run's artifacts the model's files go.
    package static let modelPath = "model"

    /// A run for a version whose run the registry does not have: the version's own figures, status `imported`.
    static func run(of model: ModelVersionRecord) -> RunRecord {
        RunRecord(id: model.runId ?? "version-\(model.version)", startedAt: model.createdAt, finishedAt: model.createdAt, status: "imported",
                  metrics: model.metrics, artifactLocation: model.artifactPath)
    }

    /// The regular files under `directory`, by relative path; none when the directory is gone.
    static func files(under directory: String) throws -> [(String, Data)] {
        let root = URL(fileURLWithPath: directory)
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var files: [(String, Data)] = []
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let url = root.appendingPathComponent(path)
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            files.append((path, try Data(contentsOf: url)))
        }
        return files.sorted { $0.0 < $1.0 }
    }
}
