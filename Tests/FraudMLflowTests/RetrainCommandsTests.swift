import Foundation
import FraudCore
import FraudStore
import FraudTesting
import Testing

/// The two commands the Airflow DAG needs beyond train/evaluate/import/promote, run as the `fraud` binary.
struct RetrainCommandsTests {
    @Test func newLabelsCountsLabelsSinceTheNewestVersion() async throws {
        let directory = TemporaryDirectory.make("new-labels")
        let database = "sqlite:\(directory)/fraud.db"
        let t0 = EventTime(year: 2026, month: 11, day: 1)!
        let store = try await StoreFactory.open(database)
        let payments = StoreFixtures.scored(count: 10)
        try await store.write(payments)
        func label(_ indices: Range<Int>, at: EventTime) async throws {
            try await store.label(indices.map { LabelUpdate(transNum: payments[$0].transaction.transNum, isFraud: $0 == 0, labeledBy: "ana", labeledAt: at) })
        }
        try await label(0..<2, at: t0.adding(seconds: -60))
        try await store.register(ModelVersionRecord(version: "1", createdAt: t0.adding(seconds: -30), modelType: "xgboost", artifactPath: "/m/1"))
        try await store.register(ModelVersionRecord(version: "2", createdAt: t0, modelType: "xgboost", artifactPath: "/m/2"))
        try await label(2..<5, at: t0.adding(seconds: 60))
        try await store.close()

        let counted = try CommandRun.run(CommandRun.fraud, ["models", "new-labels", "--json", "--database", database])
        #expect(counted.status == 0, "\(counted.errors)")
        #expect(counted.json["new_labels"] as? Int == 3)
        #expect(counted.json["model_version"] as? String == "2")
        #expect(counted.json["since"] as? String == t0.iso)
        #expect(try CommandRun.run(CommandRun.fraud, ["models", "new-labels", "--min", "3", "--database", database]).status == 0)
        let short = try CommandRun.run(CommandRun.fraud, ["models", "new-labels", "--min", "4", "--database", database])
        #expect(short.status == 3)
        #expect(short.output == "3 payment(s) labelled since version 2 (\(t0.iso))\n")
    }

    @Test func trainingSetAppendsConfirmedLabelsToTheOriginals() async throws {
        let directory = TemporaryDirectory.make("training-set")
        let database = "sqlite:\(directory)/fraud.db"
        let simulated = try CommandRun.run(CommandRun.fraud, ["simulate", "--rows", "100", "--seed", "5", "--out", "\(directory)/train.csv"])
        #expect(simulated.status == 0, "\(simulated.errors)")
        let store = try await StoreFactory.open(database)
        let payments = StoreFixtures.scored(count: 6)
        try await store.write(payments)
        let labelledAt = EventTime(year: 2026, month: 11, day: 1)!
        try await store.label(payments.prefix(4).map {
            LabelUpdate(transNum: $0.transaction.transNum, isFraud: true, labeledBy: "ana", labeledAt: labelledAt)
        })
        try await store.close()

        let written = try CommandRun.run(CommandRun.fraud, ["models", "training-set", "--data", "\(directory)/train.csv", "--out",
                                                            "\(directory)/set.csv", "--json", "--database", database])
        #expect(written.status == 0, "\(written.errors)")
        #expect(written.json["original_rows"] as? Int == 100)
        #expect(written.json["confirmed_rows"] as? Int == 4)
        let lines = try String(contentsOfFile: "\(directory)/set.csv", encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 1 + 104)
        #expect(lines.suffix(4).allSatisfy { $0.hasSuffix(",1") })
    }
}
