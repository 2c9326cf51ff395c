import Foundation
import FraudCore
import FraudMLflow
import Testing

/// The mirror against a real `mlflow server`: everything written is read back through MLflow's REST API.
@Suite(.enabled(if: MLflowServer.unavailableReason == nil, "needs the Python package mlflow (pip install mlflow)"))
struct MLflowMirrorTests {
    @Test func mirrorsRunVersionAndAliasWithEveryField() async throws {
        let mirror = try await MLflowServer.shared().mirror("fields")
        let client = mirror.client
        let artifact = try MLflowFixtures.artifact(prAUC: 0.81, createdAt: "2026-11-01T10:01:30Z")
        let run = MLflowFixtures.run(artifact: artifact)

        let mirrored = try await mirror.mirror(run: run, tags: ["extra": "yes"])
        let fetched = try await client.run(id: mirrored.info.runId)
        #expect(fetched.info.runName == "run-1")
        #expect(fetched.info.status == "FINISHED")
        #expect(fetched.info.startTime == MLflowFixtures.t0.millisecondsSinceEpoch)
        #expect(fetched.info.endTime == MLflowFixtures.t0.adding(seconds: 90).millisecondsSinceEpoch)
        #expect(fetched.params.dictionary == run.params)
        #expect(Dictionary(uniqueKeysWithValues: fetched.metrics.map { ($0.key, $0.value) }) == ["pr_auc": 0.81, "f1": 0.7, "timing.train": 1.5])
        #expect(fetched.metrics.allSatisfy { $0.timestamp == MLflowFixtures.t0.adding(seconds: 90).millisecondsSinceEpoch })
        let tags = fetched.tags.dictionary
        let expected = [
            "fraud.run_id": "run-1", "fraud.status": "finished", "fraud.artifact_location": artifact, "fraud.data.rows": "1000",
            "fraud.data.frauds": "4", "fraud.data.first_event_time": "2020-06-21 00:00:00",
            "fraud.data.last_event_time": "2020-07-01 00:00:00", "fraud.data.sha256": "ab12cd34", "extra": "yes",
        ]
        for (key, value) in expected { #expect(tags[key] == value, "tag \(key)") }

        // Mirroring again finds the run instead of logging a second one.
        let again = try await mirror.mirror(run: run)
        #expect(again.info.runId == mirrored.info.runId)
        let experimentId = try #require(try await client.experiment(named: mirror.configuration.experiment)).experimentId
        #expect(try await client.searchRuns(experimentIds: [experimentId], filter: "tags.\"fraud.run_id\" = 'run-1'").count == 1)

        let model = MLflowFixtures.version(artifact: artifact)
        let version = try await mirror.mirror(version: model, run: run)
        let fetchedVersion = try await client.modelVersion(name: mirror.configuration.registeredModel, version: version.version)
        #expect(fetchedVersion.version == "1")
        #expect(fetchedVersion.source == "runs:/\(mirrored.info.runId)/model")
        #expect(fetchedVersion.runId == mirrored.info.runId)
        #expect(fetchedVersion.description == "first")
        #expect(fetchedVersion.status == "READY")
        #expect(fetchedVersion.tags?.dictionary == [
            "fraud.version": "1", "fraud.model_type": "xgboost", "fraud.threshold": "0.42", "fraud.artifact_location": artifact,
            "fraud.run_id": "run-1",
        ])
        let files = try await client.listArtifacts(runId: mirrored.info.runId, path: "model")
        #expect(files.map(\.path) == ["model/features.json", "model/metadata.json", "model/model.json"])
        #expect(try await mirror.mirror(version: model, run: run).version == version.version)
        #expect(try await client.modelVersions(name: mirror.configuration.registeredModel).count == 1)

        let champion = AliasRecord(name: AliasRecord.champion, version: "1", generation: 1, updatedAt: MLflowFixtures.t0, updatedBy: "ana")
        let pointed = try await mirror.mirror(aliases: [champion], models: [model], runs: [run])
        #expect(pointed == ["champion": version.version])
        let registered = try #require(try await client.registeredModel(name: mirror.configuration.registeredModel))
        #expect(registered.version(forAlias: "champion") == version.version)
        let byAlias = try #require(try await client.modelVersion(name: mirror.configuration.registeredModel, alias: "champion"))
        #expect(byAlias.version == version.version)
        #expect(byAlias.aliases == ["champion"])
    }

    @Test func runsBeyondOneBatchAreLoggedInSeveral() async throws {
        let mirror = try await MLflowServer.shared().mirror("batches")
        var run = MLflowFixtures.run(artifact: "/nowhere")
        run.params = Dictionary(uniqueKeysWithValues: (0..<150).map { ("p\($0)", "\($0)") })
        run.metrics = Dictionary(uniqueKeysWithValues: (0..<900).map { ("m\($0)", Double($0) / 8) })
        run.timings = [:]
        let fetched = try await mirror.client.run(id: try await mirror.mirror(run: run).info.runId)
        #expect(fetched.params.dictionary == run.params)
        #expect(Dictionary(uniqueKeysWithValues: fetched.metrics.map { ($0.key, $0.value) }) == run.metrics)
    }

    @Test func badRequestsCarryMLflowErrorCodes() async throws {
        let mirror = try await MLflowServer.shared().mirror("errors")
        let client = mirror.client
        let missing = await MLflowFixtures.mlflowError { _ = try await client.run(id: "no-such-run") }
        #expect(missing?.errorCode == "RESOURCE_DOES_NOT_EXIST")
        #expect(missing?.status == 404)
        #expect(missing?.operation == "GET runs/get")

        // A logged param cannot change.
        let run = try await mirror.mirror(run: MLflowFixtures.run(artifact: "/nowhere"))
        let changed = await MLflowFixtures.mlflowError {
            try await client.logBatch(runId: run.info.runId, params: [MLflowTag(key: "max_depth", value: "7")])
        }
        #expect(changed?.errorCode == "INVALID_PARAMETER_VALUE")
        #expect(changed?.status == 400)
        #expect(changed?.message.contains("max_depth") == true)

        // MLflow refuses local paths as a version source: why the mirror uses runs:/<run>/model.
        _ = try await client.ensureRegisteredModel(name: mirror.configuration.registeredModel)
        let local = await MLflowFixtures.mlflowError {
            _ = try await client.createModelVersion(name: mirror.configuration.registeredModel, source: "/tmp/model", runId: nil)
        }
        #expect(local?.errorCode == "INVALID_PARAMETER_VALUE")

        // Reserved alias names are refused before any call.
        for reserved in ["latest", "v2", "V10"] {
            let refused = await MLflowFixtures.mlflowError {
                try await client.setAlias(name: mirror.configuration.registeredModel, alias: reserved, version: "1")
            }
            #expect(refused?.status == nil)
            #expect(refused?.message.contains("reserved") == true)
        }
    }
}
