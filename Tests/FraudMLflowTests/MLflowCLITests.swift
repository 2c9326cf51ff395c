import Foundation
import FraudMLflow
import FraudTesting
import Testing

/// `fraud train`, `models import`, `models promote` and `models rollback` mirror to MLflow when `--mlflow-url` is set,
/// and a mirror failure is a warning that never fails the command.
@Suite(.enabled(if: MLflowServer.unavailableReason == nil, "needs the Python package mlflow (pip install mlflow)"))
struct MLflowCLITests {
    @Test func commandsMirrorTrainingImportPromotionAndRollback() async throws {
        let server = try await MLflowServer.shared()
        let mirror = try server.mirror("cli")
        let client = mirror.client
        let directory = TemporaryDirectory.make("mlflow-cli")
        let mlflow = ["--mlflow-url", server.url, "--mlflow-experiment", mirror.configuration.experiment,
                      "--mlflow-model", mirror.configuration.registeredModel]
        let registry = ["--database", "sqlite:\(directory)/fraud.db", "--registry-dir", directory + "/registry"]
        func fraud(_ arguments: [String]) throws -> CommandRun {
            // Mirroring only where the test asks for it, whatever this machine's environment says.
            let run = try CommandRun.run(CommandRun.fraud, arguments, environment: ["FRAUD_MLFLOW_URL": ""])
            #expect(run.status == 0, "fraud \(arguments.joined(separator: " ")): \(run.errors)")
            return run
        }

        _ = try fraud(["simulate", "--rows", "20000", "--seed", "11", "--out", directory + "/train.csv"])
        let trained = try fraud(["train", "--data", directory + "/train.csv", "--rounds", "10", "--out", directory + "/m1"] + mlflow)
        #expect(trained.errors.contains("mirrored to MLflow: run "), "\(trained.errors)")
        let experiment = try #require(try await client.experiment(named: mirror.configuration.experiment))
        let runs = try await client.searchRuns(experimentIds: [experiment.experimentId], filter: "tags.\"fraud.status\" = 'finished'")
        let run = try #require(runs.first)
        #expect(runs.count == 1)
        #expect(run.params.dictionary["model"] == "xgboost")
        #expect(run.params.dictionary["training_rows"] != nil)
        #expect(run.metrics.contains { $0.key == "pr_auc" })
        #expect(run.metrics.contains { $0.key == "timing.training_seconds" })
        #expect(run.tags.dictionary["fraud.data.rows"] == "20000")
        #expect(run.tags.dictionary["fraud.data.sha256"]?.count == 64)
        #expect(run.tags.dictionary["fraud.data.files"] == directory + "/train.csv")
        #expect(run.tags.dictionary["fraud.artifact_location"] == directory + "/m1")

        // The imported version links to the training run (same artifact), not to a second run.
        let imported = try fraud(["models", "import", directory + "/m1", "--challenger", "--json"] + registry + mlflow)
        #expect(imported.errors.contains("mirrored to MLflow: version 1 as"), "\(imported.errors)")
        let versions = try await client.modelVersions(name: mirror.configuration.registeredModel)
        #expect(versions.map(\.runId) == [run.info.runId])
        #expect(versions.first?.tags?.dictionary["fraud.version"] == "1")
        #expect(try await client.modelVersion(name: mirror.configuration.registeredModel, alias: "challenger")?.version == versions.first?.version)
        #expect(try await client.searchRuns(experimentIds: [experiment.experimentId], filter: "tags.\"fraud.status\" = 'imported'").isEmpty)

        _ = try fraud(["models", "promote", "1", "--reason", "first"] + registry + mlflow)
        #expect(try await client.modelVersion(name: mirror.configuration.registeredModel, alias: "champion")?.version == versions.first?.version)

        // A second version (no MLflow mirroring at import), promoted with mirroring on: mirrored on the way, then rolled back.
        _ = try fraud(["models", "import", directory + "/m1"] + registry)
        _ = try fraud(["models", "promote", "2", "--force", "--reason", "same model, new version"] + registry + mlflow)
        let second = try #require(try await client.modelVersion(name: mirror.configuration.registeredModel, alias: "champion"))
        #expect(second.tags?.dictionary["fraud.version"] == "2")
        _ = try fraud(["models", "rollback", "--reason", "back"] + registry + mlflow)
        #expect(try await client.modelVersion(name: mirror.configuration.registeredModel, alias: "champion")?.version == versions.first?.version)

        // MLflow unreachable: the command succeeds and warns.
        let unreachable = try fraud(["models", "promote", "2", "--force", "--reason", "no mlflow"] + registry + ["--mlflow-url", "http://127.0.0.1:1"])
        #expect(unreachable.errors.contains("warning: MLflow mirror failed"), "\(unreachable.errors)")
        let history = try fraud(["models", "history", "--json", "--database", "sqlite:\(directory)/fraud.db"])
        #expect(history.output.contains("no mlflow"))
    }
}
