import Foundation
import FraudCore
import FraudModel
import FraudMonitoring
import FraudStore
import FraudTesting
import Testing

/// Simulated data → champion → labels arrive in the store → trigger → challenger → same-window gate → promotion,
/// seen by `championChanged`, undone by rollback.
@Suite struct RetrainEndToEndTests {
    struct Setup {
        var workspace: MonitoringWorkspace
        var champion: ModelVersionRecord
        var originals: String
        var live: [Transaction]
    }

    /// A champion trained on 6,000 payments; the next 10,000 (5 % fraud, the fraud pattern changed) scored by it,
    /// stored and labelled with the simulator's ground truth.
    static func setUp(backend: MonitoringWorkspace.Backend = .sqlite) async throws -> Setup {
        let (training, live) = MonitoringStreams.split(training: 6_000, live: 10_000, fraudRate: 0.05, drift: [.newFraudPattern])
        let workspace = try await MonitoringWorkspace("retrain", backend: backend)
        let originals = try SimulatedData.writeCSV(training, name: "retrain-originals")
        let champion = try await workspace.register(.xgboost, on: training, name: "champion")
        _ = try await workspace.registry().promote(version: champion.version, by: "test", reason: "first")
        try await workspace.store.write(try MonitoringWorkspace.score(live, with: champion, history: training))
        try await workspace.labelWithGroundTruth(live, at: EventTime(year: 2021, month: 1, day: 1)!)
        return Setup(workspace: workspace, champion: champion, originals: originals, live: live)
    }

    static func retrainer(_ setup: Setup, kind: ModelKind = .xgboost) throws -> Retrainer {
        let configuration = try RetrainerConfiguration(
            originals: [setup.originals], workDirectory: setup.workspace.root + "/retraining", artifactRoot: setup.workspace.artifactRoot,
            training: try ModelTraining(kind: kind, xgboost: try XGBoostParameters(rounds: 80, earlyStoppingRounds: 20, maxDepth: 4, threads: 1, seed: 1)),
            triggers: try RetrainTriggers(newLabels: 1_000, cooldownSeconds: 0))
        return try Retrainer(store: setup.workspace.store, configuration: configuration)
    }

    /// The backends available: SQLite always, PostgreSQL when `FRAUD_TEST_POSTGRES_URL` is set.
    static var backends: [MonitoringWorkspace.Backend] {
        if MonitoringWorkspace.Backend.postgresURL == nil {
            print("SKIPPED the PostgreSQL retrain test: FRAUD_TEST_POSTGRES_URL is not set")
            return [.sqlite]
        }
        return [.sqlite, .postgres]
    }

    @Test(arguments: backends)
    func newLabelsTriggerARetrainingWhoseChallengerIsPromoted(backend: MonitoringWorkspace.Backend) async throws {
        let setup = try await Self.setUp(backend: backend)
        let store = setup.workspace.store
        let registry = try setup.workspace.registry()
        let generation = try await store.aliasGeneration()
        let retrainer = try Self.retrainer(setup)

        let trigger = try #require(try await retrainer.check())
        #expect(trigger.kind == .labels && trigger.reason.contains("10000 new confirmed labels"))
        let outcome = try await retrainer.retrain(trigger: trigger)
        #expect(outcome.decision == .promoted, "gate: \(outcome.gateNote); challenger \(outcome.candidateEvaluation?.metrics ?? [:]) champion \(outcome.championEvaluation?.metrics ?? [:])")
        #expect(outcome.previousChampion == setup.champion.version)
        // Judged on the 2,000 most recent labels (the window size; under 30 % of 10,000), held out of its training set.
        #expect(outcome.heldOutLabels == 2_000 && outcome.candidateEvaluation?.rows == 2_000 && outcome.championEvaluation?.rows == 2_000)
        #expect(outcome.export.originalRows == 6_000 && outcome.export.confirmedRows == 10_000)
        #expect(outcome.fingerprint.rows == 16_000 - 2_000 && outcome.fingerprint.sha256?.count == 64)
        // The new fraud pattern: the champion misses it, the challenger learnt it from the confirmed labels.
        let challengerPRAUC = try #require(outcome.candidateEvaluation?.metrics["pr_auc"])
        let championPRAUC = try #require(outcome.championEvaluation?.metrics["pr_auc"])
        #expect(challengerPRAUC > championPRAUC + 0.2)
        print("retrain: challenger", outcome.candidateEvaluation?.metrics ?? [:], "champion", outcome.championEvaluation?.metrics ?? [:])

        // The scorers' signal: the champion changed, to the challenger.
        let changed = try #require(try await registry.store.championChanged(since: generation))
        #expect(changed.champion?.version == outcome.candidate.version)
        // The artifact carries its drift reference for the monitor.
        #expect(try DriftReference.load(directory: outcome.candidate.artifactPath) != nil)

        // Recorded with its trigger, reason and outcome.
        let run = try #require(try await Retrainer.history(store: store).first)
        #expect(run.id == outcome.runId && run.status == "promoted")
        #expect(run.params["trigger"] == "labels" && run.params["candidate_version"] == outcome.candidate.version)
        #expect(run.dataFingerprint?.sha256 == outcome.fingerprint.sha256)
        // Handled: no new labels since, so nothing fires.
        #expect(try await retrainer.check() == nil)

        // Rollback restores the previous champion.
        guard case .moved(let alias, _) = try await registry.rollback(by: "test", reason: "undo") else {
            Issue.record("rollback did not move the champion")
            return
        }
        #expect(alias.version == setup.champion.version)
        try await setup.workspace.close()
    }

    @Test func aWorseChallengerIsKeptAsChallengerWithTheReason() async throws {
        let setup = try await Self.setUp()
        let store = setup.workspace.store
        let outcome = try await Self.retrainer(setup, kind: .baseline).retrain(trigger: RetrainTrigger(kind: .manual, reason: "test"))
        guard case .challenger(let reason) = outcome.decision else {
            Issue.record("a constant model was promoted over XGBoost")
            return
        }
        #expect(reason.contains("worse than the champion"))
        #expect(try await store.alias(AliasRecord.champion)?.version == setup.champion.version)
        let challenger = try #require(try await store.alias(AliasRecord.challenger))
        #expect(challenger.version == outcome.candidate.version)
        let history = try await store.aliasHistory(alias: AliasRecord.challenger, limit: 1)
        #expect(history.first?.reason == reason)
        let run = try #require(try await Retrainer.history(store: store).first)
        #expect(run.status == "challenger" && run.params["decision_reason"] == reason && run.params["trigger"] == "manual")
        try await setup.workspace.close()
    }
}
