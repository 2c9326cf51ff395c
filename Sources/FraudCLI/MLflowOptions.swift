import ArgumentParser
import Foundation
import FraudCore
import FraudMLflow
import FraudModel
import FraudStore

/// `--mlflow-url` and friends: optional mirroring of runs, model versions and aliases to an MLflow tracking server.
///
/// Off unless `--mlflow-url` or `FRAUD_MLFLOW_URL` is set. A mirror failure is printed as a warning on standard error and
/// never fails the command: the registry is the source of truth, MLflow a view of it.
struct MLflowOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "MLflow tracking server to mirror runs, model versions and aliases to (default: $FRAUD_MLFLOW_URL; off when unset).",
        valueName: "url"))
    var mlflowUrl: String?

    @Option(name: .long, help: "MLflow experiment for runs (default: $FRAUD_MLFLOW_EXPERIMENT, else fraud-detection).")
    var mlflowExperiment: String?

    @Option(name: .long, help: "MLflow registered model for versions and aliases (default: $FRAUD_MLFLOW_MODEL, else fraud-detector).")
    var mlflowModel: String?

    /// The mirror, or nil when no URL is configured (or it is invalid: then a warning says so).
    var mirror: MLflowMirror? {
        let environment = ProcessInfo.processInfo.environment
        func setting(_ option: String?, _ variable: String) -> String? {
            (option ?? environment[variable]).flatMap { $0.isEmpty ? nil : $0 }
        }
        guard let url = setting(mlflowUrl, "FRAUD_MLFLOW_URL") else { return nil }
        do {
            let client = try MLflowClient(configuration: .init(url: url, token: setting(nil, "MLFLOW_TRACKING_TOKEN")))
            let defaults = MLflowMirror.Configuration()
            return MLflowMirror(client: client, configuration: .init(
                experiment: setting(mlflowExperiment, "FRAUD_MLFLOW_EXPERIMENT") ?? defaults.experiment,
                registeredModel: setting(mlflowModel, "FRAUD_MLFLOW_MODEL") ?? defaults.registeredModel))
        } catch {
            ModelProgress.line("warning: MLflow mirror off: \(error)")
            return nil
        }
    }

    /// After `fraud train`: the run that produced the artifact written to `directory`.
    func mirrorTraining(_ artifact: ModelArtifact, directory: String) async {
        await mirroring { mirror in
            let metadata = artifact.metadata
            let run = Self.run(metadata, directory: directory)
            let mirrored = try await mirror.mirror(run: run, tags: [
                MLflowMirror.Tag.artifactCreatedAt: metadata.createdAt,
                MLflowMirror.Tag.dataPrefix + "files": metadata.trainingData.files.joined(separator: ", "),
            ])
            return "run \(mirrored.info.runId) in experiment '\(mirror.configuration.experiment)'"
        }
    }

    /// After `fraud models import`: the version, its run, and the aliases (the challenger may have moved).
    func mirrorImport(_ model: ModelVersionRecord, store: any ModelStore) async {
        await mirroring { mirror in
            let runs = try await store.runs(limit: 1000)
            let version = try await mirror.mirror(version: model, run: runs.first { $0.id == model.runId })
            try await mirror.mirror(aliases: try await store.aliases(), models: try await store.models(), runs: runs)
            return "version \(model.version) as '\(mirror.configuration.registeredModel)' version \(version.version)"
        }
    }

    /// After `fraud models promote` or `rollback`: the aliases, when the champion moved.
    func mirrorAliases(after outcome: ModelRegistry.Outcome, store: any ModelStore) async {
        guard case .moved = outcome else { return }
        await mirroring { mirror in
            let pointed = try await mirror.mirror(aliases: try await store.aliases(), models: try await store.models(),
                                                  runs: try await store.runs(limit: 1000))
            let text = pointed.sorted { $0.key < $1.key }.map { "\($0.key) → version \($0.value)" }.joined(separator: ", ")
            return "'\(mirror.configuration.registeredModel)' aliases: \(text)"
        }
    }

    /// Runs `body` when mirroring is on; reports what it did, or the failure as a warning.
    private func mirroring(_ body: (MLflowMirror) async throws -> String) async {
        guard let mirror else { return }
        do {
            ModelProgress.line("mirrored to MLflow: " + (try await body(mirror)))
        } catch {
            ModelProgress.line("warning: MLflow mirror failed (the command itself succeeded): \(error)")
        }
    }

    /// The training run as the registry would record it on import, with the figures of `metadata.json`.
    static func run(_ metadata: ModelMetadata, directory: String) -> RunRecord {
        let createdAt = EventTime(metadata.createdAt.prefix(19)) ?? WallClock.now
        let started = createdAt.adding(seconds: -Int64(metadata.trainingSeconds.rounded(.up)))
        let print = metadata.trainingData
        var params = metadata.parameters
        params["model"] = metadata.kind.rawValue
        params["feature_version"] = metadata.featureVersion
        params["threshold_objective"] = metadata.thresholdObjective
        params["training_rows"] = String(metadata.trainingRows)
        params["validation_rows"] = String(metadata.validationRows)
        return RunRecord(
            id: "train-\(print.sha256.prefix(12))-\(createdAt.millisecondsSinceEpoch)", startedAt: started, finishedAt: createdAt,
            status: "finished", params: params, metrics: metadata.validationMetrics.map { Self.numbers($0) } ?? [:],
            timings: ["training_seconds": metadata.trainingSeconds],
            dataFingerprint: FraudCore.DataFingerprint(rows: print.rows, frauds: print.frauds, firstEventTime: print.firstEventTime,
                                                       lastEventTime: print.lastEventTime, sha256: print.sha256),
            artifactLocation: URL(fileURLWithPath: directory).standardizedFileURL.path)
    }

    /// The numeric top-level fields of a report, as `metadata.json` stores them (`pr_auc`, `f1`, ...).
    private static func numbers(_ report: some Encodable) -> [String: Double] {
        guard let data = try? JSONEncoder().encode(report), let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return [:] }
        return object.compactMapValues { ($0 as? NSNumber)?.doubleValue }
    }
}
