import FraudBus
import FraudCore
import FraudDemo
import FraudModel
import FraudMonitoring
import FraudPipeline
import FraudStore
import FraudTesting
import Testing

/// The drift demonstration, small: drift detected, labels arrive, a retraining triggers, the challenger is promoted,
/// all on the real pipeline.
@Suite struct DriftDemoTests {
    @Test func theDriftStoryPlaysOut() async throws {
        let script = try DriftDemoScript(
            seed: 7, cards: 200, fraudRate: 0.05, trainingPayments: 8_000, livePayments: 7_000, driftAfter: 2_000,
            drift: [.amountShift, .categoryMix, .newFraudPattern], labelDelay: 500, batchSize: 250, retrainCheckEvery: 1_000,
            monitor: try MonitorConfiguration(windowSize: 1_500, checkEvery: 500, warmupPayments: 0, labelPollInterval: .milliseconds(20)),
            triggers: try RetrainTriggers(onDrift: true, cooldownSeconds: 3 * 86_400),
            training: try ModelTraining(kind: .xgboost, xgboost: try XGBoostParameters(rounds: 80, earlyStoppingRounds: 20, maxDepth: 4, threads: 1, seed: 1)))
        let directory = TemporaryDirectory.make("drift-demo")
        let store = try await SQLiteStore.open(path: directory + "/fraud.db")
        let bus = try EmbeddedBus(path: directory + "/bus")
        defer { bus.close() }
        let featureState = try await FeatureStateStoreFactory.open(FeatureStateLocation.embeddedURL(bus))
        let alerter = RecordingAlerter()
        let summary = try await DriftDemo.run(script, directory: directory, store: store, bus: bus, featureState: featureState,
                                              alerter: alerter) { print($0) }
        let delay = try #require(summary.detectionDelay, "the monitor never reported the drift")
        #expect(delay > 0 && delay <= 2_000)
        #expect(summary.alerts.contains { $0.kind == .driftDetected })
        #expect(summary.streamed == script.livePayments)
        #expect(summary.labels >= script.livePayments - script.labelDelay - script.batchSize)
        #expect(!summary.retrainings.isEmpty)
        #expect(summary.retrainings.contains { $0.outcome.decision == .promoted })
        #expect(summary.finalChampion != summary.firstChampion)

        // Every payment was scored and stored by the pipeline, with its measured latency, by the champion of its
        // time: the scorer swapped at the first batch after each promotion.
        let rows = try await store.transactions(TransactionQuery(limit: 10_000)).rows
        #expect(rows.count == script.livePayments)
        #expect(Set(rows.map(\.scored.latencyMs)).count > 1 && rows.allSatisfy { $0.scored.latencyMs >= 0 })
        var expected: [String: Int] = [:]
        var (champion, since) = (summary.firstChampion, 0)
        for retraining in summary.retrainings where retraining.outcome.decision == .promoted {
            expected[champion, default: 0] += retraining.payment - since
            (champion, since) = (retraining.outcome.candidate.version, retraining.payment)
        }
        expected[champion, default: 0] += script.livePayments - since
        #expect(Dictionary(grouping: rows, by: \.scored.modelVersion).mapValues(\.count) == expected.filter { $0.value > 0 })
        #expect(Set(rows.map(\.scored.modelVersion)).count > 1)
        // The scorer checkpointed the history of every card it scored into the caller's feature state, where an API
        // beside the story reads it.
        let cards = Set(rows.map(\.scored.transaction.ccNum))
        let scope = FeatureStateScope(group: PaymentMessages.scorerGroup, topic: PaymentMessages.rawTopic)
        #expect(try await featureState.cardStates(scope, cards: Array(cards)).count == cards.count)
        try await featureState.close()
        print("detection delay: \(delay) payments; retrainings: \(summary.retrainings.map { "+\($0.payment) \($0.outcome.trigger.kind) → \($0.outcome.decision)" })")
        try await store.close()
    }
}
