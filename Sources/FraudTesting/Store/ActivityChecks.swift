import FraudCore
import FraudStore

/// The conformance check of the dashboard's store queries: scoring activity over a wall-clock window and
/// labelled outcomes.
enum ActivityChecks {
    static func activityAndOutcomes(_ store: any FraudDatabase) async throws {
        // Fixture row i is scored at t0 + 60 i + 1 s; every 10th is predicted fraud.
        var batch = StoreFixtures.scored(count: 100)
        for index in batch.indices { batch[index].latencyMs = Double(index + 1) }
        try await store.write(batch)
        let t0 = StoreChecks.t0
        let empty = try await store.activity(since: t0.adding(seconds: -3600), until: t0)
        try expectEqual(empty.payments, 0, "payments scored before the first row")
        try expect(empty.latencyP50Ms == nil && empty.fraudRate == nil, "an empty window has no latency and no fraud rate")

        let window = try await store.activity(since: t0, until: t0.adding(seconds: 50 * 60))
        try expectEqual(window.payments, 50, "payments scored in the first 50 minutes")
        try expectEqual(window.predictedFrauds, 5, "predicted frauds in the first 50 minutes")
        try expectEqual(window.latencyP50Ms, 25, "median latency of 1...50 ms")
        try expectEqual(window.latencyP99Ms, 50, "99th percentile latency of 1...50 ms")
        try expectEqual(window.paymentsPerSecond, 50.0 / 3000, "payments per second")

        try expectEqual(try await store.labelledOutcomes(since: nil).total, 0, "outcomes before any label")
        let at = t0.adding(seconds: 86_400)
        // Rows 0 and 10 predicted fraud: one confirmed, one not; rows 1, 2, 3 predicted not fraud: one missed fraud.
        let labels = [(0, true), (10, false), (1, true), (2, false), (3, false)].map { index, isFraud in
            LabelUpdate(transNum: batch[index].transaction.transNum, isFraud: isFraud, labeledBy: "check", labeledAt: at)
        }
        try await store.label(labels)
        let outcomes = try await store.labelledOutcomes(since: nil)
        try expectEqual(outcomes, LabelledOutcomes(truePositives: 1, falsePositives: 1, trueNegatives: 2, falseNegatives: 1),
                        "confusion counts of five labels")
        try expectEqual(try await store.labelledOutcomes(since: at.adding(seconds: 1)).total, 0, "outcomes labelled after the labels")
    }
}
