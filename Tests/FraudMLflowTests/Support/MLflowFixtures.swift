import Foundation
import FraudCore
import FraudMLflow
import FraudTesting
import Testing

/// Artifacts, runs and versions for the mirror tests.
enum MLflowFixtures {
    static let t0 = EventTime(year: 2026, month: 11, day: 1, hour: 10)!

    /// An artifact directory as `fraud train` writes it, with `pr_auc` as given.
    static func artifact(prAUC: Double, createdAt: String) throws -> String {
        let directory = TemporaryDirectory.make("mlflow-artifact")
        let metadata = """
            {"kind": "xgboost", "feature_version": "v1", "threshold": 0.42, "threshold_objective": "best_f1",
             "parameters": {"max_depth": "6", "eta": "0.1"}, "validation_metrics": {"pr_auc": \(prAUC), "f1": 0.7},
             "training_data": {"rows": 1000, "frauds": 4, "first_event_time": "2020-06-21 00:00:00",
                               "last_event_time": "2020-07-01 00:00:00", "sha256": "ab12cd34", "files": ["train.csv"]},
             "training_rows": 800, "validation_rows": 200, "training_seconds": 1.5, "created_at": "\(createdAt)"}
            """
        try metadata.write(toFile: directory + "/metadata.json", atomically: true, encoding: .utf8)
        try #"{"learner": {}}"#.write(toFile: directory + "/model.json", atomically: true, encoding: .utf8)
        try #"{"features": []}"#.write(toFile: directory + "/features.json", atomically: true, encoding: .utf8)
        return directory
    }

    static func run(artifact: String) -> RunRecord {
        RunRecord(id: "run-1", startedAt: t0, finishedAt: t0.adding(seconds: 90), status: "finished",
                  params: ["max_depth": "6", "eta": "0.1", "model": "xgboost"], metrics: ["pr_auc": 0.81, "f1": 0.7],
                  timings: ["train": 1.5],
                  dataFingerprint: DataFingerprint(rows: 1000, frauds: 4, firstEventTime: "2020-06-21 00:00:00",
                                                   lastEventTime: "2020-07-01 00:00:00", sha256: "ab12cd34"),
                  artifactLocation: artifact)
    }

    static func version(artifact: String) -> ModelVersionRecord {
        ModelVersionRecord(version: "1", runId: "run-1", createdAt: t0.adding(seconds: 120), modelType: "xgboost", threshold: 0.42,
                           metrics: ["pr_auc": 0.81], artifactPath: artifact, metadataJSON: #"{"kind": "xgboost"}"#, description: "first")
    }

    /// The `MLflowError` `body` throws; records an issue when it throws nothing or something else.
    static func mlflowError(_ body: () async throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) async -> MLflowError? {
        do {
            try await body()
            Issue.record("expected an MLflowError, nothing was thrown", sourceLocation: sourceLocation)
        } catch let error as MLflowError {
            return error
        } catch {
            Issue.record("expected an MLflowError, got \(error)", sourceLocation: sourceLocation)
        }
        return nil
    }
}

extension Array where Element == MLflowTag {
    /// The tags as a dictionary.
    var dictionary: [String: String] { Dictionary(map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last }) }
}
