import FraudCore
import FraudModel
import FraudMonitoring
import FraudStore
import FraudTesting
import Testing

/// The same-window gate on a real SQLite store with real trained models.
@Suite struct PromotionGateTests {
    /// A store holding `live` scored by `scorer` and labelled with the simulator's truth; predictions are all `true`
    /// and the payments carry no source label, so only `true_value` can make the gate's labels.
    static func workspace(champion: ModelKind, candidate: ModelKind, labelled: Int) async throws -> (MonitoringWorkspace, ModelVersionRecord, ModelVersionRecord) {
        let (training, live) = MonitoringStreams.split(training: 6_000, live: 3_000, fraudRate: 0.03)
        let workspace = try await MonitoringWorkspace("gate")
        let championModel = try await workspace.register(champion, on: training, name: "champion")
        let candidateModel = try await workspace.register(candidate, on: training, name: "candidate")
        _ = try await workspace.registry().promote(version: championModel.version, by: "test", reason: "first")
        let stored = try MonitoringWorkspace.score(live, with: championModel, history: training).map { scored -> ScoredTransaction in
            var scored = scored
            scored.prediction = true
            scored.transaction.label = nil
            return scored
        }
        try await workspace.store.write(stored)
        try await workspace.labelWithGroundTruth(Array(live.suffix(labelled)), at: EventTime(year: 2021, month: 1, day: 1)!)
        return (workspace, championModel, candidateModel)
    }

    static func gate(_ workspace: MonitoringWorkspace, windowRows: Int = 2_000, latencyBudgetMs: Double? = nil) async throws -> PromotionGate {
        try await PromotionGate.make(store: workspace.store, artifactRoot: workspace.artifactRoot,
                                     policy: try PromotionPolicy(metric: "pr_auc", tolerance: 0.01, latencyBudgetMs: latencyBudgetMs,
                                                                 window: EvaluationWindow(maxRows: windowRows)))
    }

    @Test func aCandidateOverTheLatencyBudgetIsRefused() async throws {
        let (workspace, _, candidate) = try await Self.workspace(champion: .baseline, candidate: .xgboost, labelled: 500)
        let gate = try await Self.gate(workspace, latencyBudgetMs: 1e-6)
        let decision = try await gate.promote(version: candidate.version, by: "test", reason: "slow")
        guard case .rejected(.overLatencyBudget(let p99, let budget)) = decision.outcome else {
            Issue.record("expected a latency refusal, got \(decision.outcome)")
            return
        }
        #expect(p99 > budget && decision.candidate?.latencyP99Ms == p99)
        try await workspace.close()
    }

    @Test func aBetterCandidateIsPromoted() async throws {
        let (workspace, champion, candidate) = try await Self.workspace(champion: .baseline, candidate: .xgboost, labelled: 2_500)
        let gate = try await Self.gate(workspace)
        #expect(gate.sameWindow)
        #expect(gate.window.rows == 2_000)
        let decision = try await gate.promote(version: candidate.version, by: "test", reason: "better")
        guard case .moved(let alias, let change) = decision.outcome else {
            Issue.record("expected a promotion, got \(decision.outcome)")
            return
        }
        #expect(alias.version == candidate.version && change.expectedVersion == champion.version)
        #expect(change.reason.contains("on 2000 rows"))
        let new = try #require(decision.candidate?.metrics["pr_auc"])
        let old = try #require(decision.champion?.metrics["pr_auc"])
        #expect(new > old + 0.1)
        // Both were judged on the same rows, with the confirmed frauds of the window as positives.
        #expect(decision.candidate?.rows == 2_000 && decision.champion?.rows == 2_000)
        #expect(decision.candidate?.metrics["frauds"] == Double(gate.window.frauds))
        #expect(gate.window.frauds > 10)
        try await workspace.close()
    }

    @Test func aWorseCandidateIsRefusedWithTheFigures() async throws {
        let (workspace, champion, candidate) = try await Self.workspace(champion: .xgboost, candidate: .baseline, labelled: 2_500)
        let gate = try await Self.gate(workspace)
        let decision = try await gate.promote(version: candidate.version, by: "test", reason: "worse")
        guard case .rejected(let rejection) = decision.outcome else {
            Issue.record("expected a refusal, got \(decision.outcome)")
            return
        }
        guard case .worseThanChampion(let metric, let new, let old, _) = rejection else {
            Issue.record("expected worseThanChampion, got \(rejection)")
            return
        }
        #expect(["pr_auc", "recall", "precision"].contains(metric))
        #expect(new < old)
        #expect(try await workspace.store.alias(AliasRecord.champion)?.version == champion.version)
        try await workspace.close()
    }

    @Test func tooFewLabelsFallsBackToRecordedMetricsAndDistrustsFewFrauds() async throws {
        let (workspace, _, candidate) = try await Self.workspace(champion: .baseline, candidate: .xgboost, labelled: 50)
        let gate = try await Self.gate(workspace)
        #expect(!gate.sameWindow)
        #expect(gate.window.rows == 50)
        #expect(gate.note.contains("50 labelled payments") && gate.note.contains("recorded at training time")
            && gate.note.contains("at least 30 frauds"))
        let decision = try await gate.promote(version: candidate.version, by: "test", reason: "recorded")
        #expect(decision.candidate == nil)
        // The candidate's recorded PR-AUC rests on the few frauds of its validation split: not trusted, refused with the count.
        let frauds = try #require(candidate.metrics["frauds"].map { Int($0) })
        #expect(frauds < 30)
        #expect(decision.outcome == .rejected(.tooFewFrauds(metric: "pr_auc", version: candidate.version,
                                                             shortfall: FraudShortfall(frauds: frauds, required: 30))))
        try await workspace.close()
    }

    @Test func theEvaluatorRefusesAnotherWindow() async throws {
        let (workspace, champion, _) = try await Self.workspace(champion: .baseline, candidate: .baseline, labelled: 300)
        let window = try await LabelledWindow.load(store: workspace.store, window: EvaluationWindow(maxRows: 300))
        let evaluator = SameWindowEvaluator(window: window)
        await #expect(throws: MonitoringError.self) { try await evaluator.evaluate(champion, on: EvaluationWindow(maxRows: 10)) }
        let evaluation = try await evaluator.evaluate(champion, on: EvaluationWindow(maxRows: 300))
        #expect(evaluation.rows == 300)
        try await workspace.close()
    }
}
