import FraudCore
import FraudModel
import FraudMonitoring
import FraudTesting
import Testing

/// What a retraining says about the confirmed labels agrees with the store.
@Suite struct RetrainMessagesTests {
    /// 5 confirmed labels: the holdout share (30 %) caps the gate's window at 1, too few for the same-window gate.
    @Test func fiveLabelsAreCountedAsFive() async throws {
        let (training, live) = MonitoringStreams.split(training: 3_000, live: 300)
        let workspace = try await MonitoringWorkspace("retrain-messages")
        let originals = try SimulatedData.writeCSV(training, name: "retrain-messages-originals")
        let champion = try await workspace.register(.baseline, on: training, name: "champion")
        _ = try await workspace.registry().promote(version: champion.version, by: "test", reason: "first")
        try await workspace.store.write(try MonitoringWorkspace.score(live, with: champion, history: training))
        try await workspace.labelWithGroundTruth(Array(live.prefix(5)), at: EventTime(year: 2021, month: 1, day: 1)!)
        let configuration = try RetrainerConfiguration(
            originals: [originals], workDirectory: workspace.root + "/retraining", artifactRoot: workspace.artifactRoot,
            training: try ModelTraining(kind: .baseline), triggers: try RetrainTriggers(newLabels: 1_000, cooldownSeconds: 0))
        let retrainer = try Retrainer(store: workspace.store, configuration: configuration)

        let outcome = try await retrainer.retrain(trigger: RetrainTrigger(kind: .manual, reason: "test"))
        #expect(outcome.confirmedLabels == 5 && outcome.heldOutLabels == 0 && outcome.export.confirmedRows == 5)
        #expect(outcome.gateNote.hasPrefix("the store holds 5 confirmed labels; the gate's window takes at most 1 of them"))
        #expect(outcome.gateNote.contains("the labelled window holds 1 labelled payment ("))
        #expect(outcome.gateNote.hasSuffix("none held out, all 5 train the challenger"))
        try await workspace.close()
    }
}
