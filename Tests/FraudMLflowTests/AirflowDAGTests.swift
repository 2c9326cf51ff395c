import Foundation
import FraudCore
import FraudStore
import FraudTesting
import Testing

/// The example Airflow DAG (`orchestration/airflow/fraud_retrain_dag.py`): checked with plain Python everywhere, and run
/// end to end with `airflow dags test` against the real `fraud` binary where Apache Airflow is installed.
struct AirflowDAGTests {
    static let dag = PythonReference.packageRoot.appendingPathComponent("orchestration/airflow/fraud_retrain_dag.py").path

    /// The `airflow` executable: `$FRAUD_AIRFLOW` (e.g. in a virtual environment), else `airflow` on `PATH`; nil when neither.
    static let airflow: String? = {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["FRAUD_AIRFLOW"], FileManager.default.isExecutableFile(atPath: path) { return path }
        for directory in (environment["PATH"] ?? "").split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(directory)/airflow") {
            return "\(directory)/airflow"
        }
        print("AirflowDAGTests.dagRunsUnderAirflow skipped: Apache Airflow is not installed (pip install apache-airflow, "
            + "or set FRAUD_AIRFLOW to its airflow executable); the DAG was still checked with plain Python")
        return nil
    }()

    @Test func dagChainsTheFraudCommandsWithoutAirflow() throws {
        struct Check: Decodable {
            var layouts: [String]
            var order: [String]
            var rendered: [String: Step]?
            struct Step: Decodable {
                var command: String
                var env: [String: String]
            }
        }
        let check = try PythonReference.run("airflow/check_dag.py", arguments: [Self.dag], input: [String](), as: Check.self)
        #expect(check.layouts == ["airflow3", "airflow2"])
        #expect(check.order == ["wait_for_labels", "training_set", "train", "validate", "register", "promote"])
        if let rendered = check.rendered {
            #expect(rendered["register"]?.command.contains("fraud models import") == true)
            #expect(rendered["promote"]?.env["FRAUD_DATABASE_URL"] == "sqlite:./fraud.db")
        }
    }

    @Test(.enabled(if: AirflowDAGTests.airflow != nil, "needs Apache Airflow (pip install apache-airflow, or FRAUD_AIRFLOW)"))
    func dagRunsUnderAirflow() async throws {
        let airflow = try #require(Self.airflow)
        let directory = TemporaryDirectory.make("airflow")
        let fraud = CommandRun.fraud
        for (rows, seed, name) in [(20000, "21", "train.csv"), (5000, "22", "recent.csv")] {
            let simulated = try CommandRun.run(fraud, ["simulate", "--rows", String(rows), "--seed", seed, "--out", "\(directory)/\(name)"])
            #expect(simulated.status == 0, "\(simulated.errors)")
        }
        var conf: [String: Any] = [
            "fraud_database_url": "sqlite:\(directory)/fraud.db", "fraud_work_dir": "\(directory)/work", "training_data": ["\(directory)/train.csv"], "validation_data": "\(directory)/recent.csv",
            "min_new_labels": 0, "min_pr_auc": 0.0, "rounds": 10,
        ]
        let mirror = MLflowServer.unavailableReason == nil ? try await MLflowServer.shared().mirror("airflow") : nil
        if let mirror { conf["fraud_mlflow_url"] = mirror.client.configuration.url }
        // fraud_bin and fraud_registry_dir as Airflow Variables (from the environment), the rest as the run's params.
        let environment = [
            "AIRFLOW_VAR_FRAUD_BIN": fraud, "AIRFLOW_VAR_FRAUD_REGISTRY_DIR": "\(directory)/registry",
            "AIRFLOW_HOME": "\(directory)/airflow-home", "AIRFLOW__CORE__DAGS_FOLDER": (Self.dag as NSString).deletingLastPathComponent,
            "AIRFLOW__CORE__LOAD_EXAMPLES": "False", "FRAUD_MLFLOW_EXPERIMENT": mirror?.configuration.experiment ?? "",
            "FRAUD_MLFLOW_MODEL": mirror?.configuration.registeredModel ?? "",
        ]
        let migrated = try CommandRun.run(airflow, ["db", "migrate"], environment: environment, directory: directory)
        try #require(migrated.status == 0, "airflow db migrate: \(migrated.errors.suffix(3000))")
        let confText = String(decoding: try JSONSerialization.data(withJSONObject: conf), as: UTF8.self)
        let run = try CommandRun.run(airflow, ["dags", "test", "fraud_retrain", "--conf", confText], environment: environment, directory: directory)
        #expect(run.status == 0, "airflow dags test: \((run.output + run.errors).suffix(4000))")

        // What the steps did: version 1 registered from this run's model and promoted by airflow.
        let store = try await StoreFactory.open("sqlite:\(directory)/fraud.db")
        let models = try await store.models()
        let champion = try await store.alias(AliasRecord.champion)
        try await store.close()
        #expect(models.map(\.version) == ["1"], "\((run.output + run.errors).suffix(4000))")
        #expect(models.first?.artifactPath.hasPrefix("\(directory)/registry") == true)
        #expect(models.first?.description?.hasPrefix("fraud_retrain ") == true)
        #expect(champion?.version == "1")
        #expect(champion?.updatedBy == "airflow")
        if let mirror {
            #expect(try await mirror.client.modelVersion(name: mirror.configuration.registeredModel, alias: "champion") != nil)
        }
    }
}
