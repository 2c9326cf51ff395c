import FraudCore
import FraudStore
import Testing

@Suite struct PromotionStateMachineTests {
    let t0 = EventTime(year: 2020, month: 7, day: 1)!
    var champion: AliasRecord { AliasRecord(name: "champion", version: "1", generation: 1, updatedAt: t0, updatedBy: "ana") }

    func request(_ version: String = "2", force: Bool = false) -> PromotionRequest {
        PromotionRequest(version: version, force: force, by: "bob", reason: "weekly", at: t0)
    }

    @Test func firstModelBecomesChampionWithoutEvaluation() throws {
        var machine = PromotionStateMachine(policy: try PromotionPolicy())
        guard case .move(let change) = machine.promote(request(), champion: nil) else { Issue.record("expected a move"); return }
        #expect(change.expectedVersion == nil && change.toVersion == "2" && change.action == .promote && change.by == "bob")
    }

    @Test func candidateWithinToleranceIsPromoted() throws {
        var machine = PromotionStateMachine(policy: try PromotionPolicy(metric: "pr_auc", tolerance: 0.02))
        #expect(machine.promote(request(), champion: champion) == .evaluate(candidate: "2", champion: "1", window: EvaluationWindow()))
        let action = machine.evaluated(candidate: ModelEvaluation(metrics: ["pr_auc": 0.79], rows: 500), champion: ModelEvaluation(metrics: ["pr_auc": 0.80], rows: 500))
        guard case .move(let change) = action else { Issue.record("expected a move, got \(action)"); return }
        #expect(change.expectedVersion == "1" && change.action == .promote)
        #expect(change.reason.contains("pr_auc 0.79 vs champion 0.8") && change.reason.hasSuffix("weekly"))
    }

    @Test func worseCandidateIsRejected() throws {
        var machine = PromotionStateMachine(policy: try PromotionPolicy(metric: "pr_auc", tolerance: 0.01))
        _ = machine.promote(request(), champion: champion)
        let action = machine.evaluated(candidate: ModelEvaluation(metrics: ["pr_auc": 0.70], rows: 9), champion: ModelEvaluation(metrics: ["pr_auc": 0.80], rows: 9))
        #expect(action == .reject(.worseThanChampion(metric: "pr_auc", candidate: 0.70, champion: 0.80, tolerance: 0.01)))
    }

    @Test func missingMetricAndLatencyBudgetReject() throws {
        var missing = PromotionStateMachine(policy: try PromotionPolicy(metric: "f1"))
        _ = missing.promote(request(), champion: champion)
        #expect(missing.evaluated(candidate: ModelEvaluation(metrics: [:], rows: 1), champion: ModelEvaluation(metrics: ["f1": 0.5], rows: 1))
            == .reject(.metricMissing(metric: "f1", version: "2")))
        var slow = PromotionStateMachine(policy: try PromotionPolicy(metric: "f1", latencyBudgetMs: 5))
        _ = slow.promote(request(), champion: champion)
        #expect(slow.evaluated(candidate: ModelEvaluation(metrics: ["f1": 0.9], rows: 1, latencyP99Ms: 8), champion: ModelEvaluation(metrics: ["f1": 0.5], rows: 1))
            == .reject(.overLatencyBudget(p99Ms: 8, budgetMs: 5)))
    }

    @Test func forceSkipsTheGateAndSameVersionIsRefused() throws {
        var forced = PromotionStateMachine(policy: try PromotionPolicy())
        guard case .move(let change) = forced.promote(request(force: true), champion: champion) else { Issue.record("expected a move"); return }
        #expect(change.action == .forcePromote && change.reason == "forced: weekly")
        var same = PromotionStateMachine(policy: try PromotionPolicy())
        #expect(same.promote(request("1"), champion: champion) == .reject(.alreadyChampion("1")))
    }

    @Test func invalidPolicyNamesTheParameter() {
        #expect(throws: StoreError(.invalidParameter(name: "tolerance", reason: "1.5 is outside 0...1"))) { try PromotionPolicy(tolerance: 1.5) }
    }

    @Test func rollbackWalksBackThePromotionStack() {
        func entry(_ id: Int64, _ from: String?, _ to: String, _ action: AliasAction) -> AliasHistoryEntry {
            AliasHistoryEntry(id: id, alias: "champion", fromVersion: from, toVersion: to, action: action, by: "x", reason: "", at: t0)
        }
        var history = [entry(1, nil, "1", .promote), entry(2, "1", "2", .promote), entry(3, "2", "3", .forcePromote)]
        func current(_ version: String) -> AliasRecord { AliasRecord(name: "champion", version: version, generation: 9, updatedAt: t0, updatedBy: "x") }
        guard case .move(let first) = PromotionStateMachine.rollback(history: history, champion: current("3"), by: "ana", reason: "bad", at: t0) else {
            Issue.record("expected a move"); return
        }
        #expect(first.toVersion == "2" && first.expectedVersion == "3" && first.action == .rollback && first.reason == "bad")
        history.append(entry(4, "3", "2", .rollback))
        guard case .move(let second) = PromotionStateMachine.rollback(history: history, champion: current("2"), by: "ana", reason: "", at: t0) else {
            Issue.record("expected a move"); return
        }
        #expect(second.toVersion == "1")
        history.append(entry(5, "2", "1", .rollback))
        #expect(PromotionStateMachine.rollback(history: history, champion: current("1"), by: "ana", reason: "", at: t0) == .reject(.noPreviousChampion))
        #expect(PromotionStateMachine.rollback(history: [], champion: nil, by: "ana", reason: "", at: t0) == .reject(.noPreviousChampion))
    }
}
