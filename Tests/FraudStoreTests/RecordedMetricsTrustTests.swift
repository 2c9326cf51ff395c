import FraudCore
import FraudStore
import Testing

/// The recorded-metrics gate does not compare on a metric measured on fewer than 30 frauds.
@Suite struct RecordedMetricsTrustTests {
    let t0 = EventTime(year: 2020, month: 7, day: 1)!

    func record(_ version: String, prAUC: Double, frauds: Double?) -> ModelVersionRecord {
        var metrics = ["pr_auc": prAUC, "rows": 5_000]
        metrics["frauds"] = frauds
        return ModelVersionRecord(version: version, createdAt: t0, modelType: "xgboost", threshold: 0.5, metrics: metrics, artifactPath: "/tmp")
    }

    func decide(candidate: ModelVersionRecord, champion: ModelVersionRecord) async throws -> PromotionStateMachine.Action {
        let evaluator = RecordedMetricsEvaluator()
        var machine = PromotionStateMachine(policy: try PromotionPolicy())
        let championAlias = AliasRecord(name: "champion", version: champion.version, generation: 1, updatedAt: t0, updatedBy: "ana")
        _ = machine.promote(PromotionRequest(version: candidate.version, by: "bob", reason: "retrained", at: t0), champion: championAlias)
        return machine.evaluated(candidate: try await evaluator.evaluate(candidate, on: EvaluationWindow()),
                                 champion: try await evaluator.evaluate(champion, on: EvaluationWindow()))
    }

    @Test func evaluatorFlagsMetricsFromTooFewFrauds() async throws {
        let evaluator = RecordedMetricsEvaluator()
        #expect(try await evaluator.evaluate(record("1", prAUC: 1, frauds: 1), on: EvaluationWindow()).fraudShortfall
            == FraudShortfall(frauds: 1, required: 30))
        #expect(try await evaluator.evaluate(record("2", prAUC: 0.9, frauds: 30), on: EvaluationWindow()).fraudShortfall == nil)
        #expect(try await evaluator.evaluate(record("3", prAUC: 0.9, frauds: nil), on: EvaluationWindow()).fraudShortfall == nil)
    }

    @Test func championFromOneFraudIsNotComparedAndTheTrustedCandidateIsPromoted() async throws {
        let action = try await decide(candidate: record("2", prAUC: 0.954, frauds: 294), champion: record("1", prAUC: 1.0, frauds: 1))
        guard case .move(let change) = action else { Issue.record("expected a move, got \(action)"); return }
        #expect(change.toVersion == "2" && change.action == .promote)
        #expect(change.reason.contains("pr_auc 0.954 on 5000 rows (294 frauds)"))
        #expect(change.reason.contains("champion's 1.0 not compared, measured on 1 fraud, fewer than the 30"))
    }

    @Test func candidateFromTooFewFraudsIsRefusedWithTheCount() async throws {
        let action = try await decide(candidate: record("2", prAUC: 0.99, frauds: 12), champion: record("1", prAUC: 0.8, frauds: 1))
        #expect(action == .reject(.tooFewFrauds(metric: "pr_auc", version: "2", shortfall: FraudShortfall(frauds: 12, required: 30))))
        if case .reject(let rejection) = action {
            #expect(rejection.description == "the pr_auc of version 2 was measured on 12 frauds, fewer than the 30 it takes to trust it (use --force to override)")
        }
    }

    @Test func trustedMetricsAreComparedAsBefore() async throws {
        let action = try await decide(candidate: record("2", prAUC: 0.7, frauds: 294), champion: record("1", prAUC: 0.9, frauds: 300))
        #expect(action == .reject(.worseThanChampion(metric: "pr_auc", candidate: 0.7, champion: 0.9, tolerance: 0.01)))
    }
}
