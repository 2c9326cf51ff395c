import Foundation
import FraudCore
import FraudData
import FraudStore
import FraudTesting
import Testing

/// The retraining export: original rows + confirmed labels, never predictions.
@Suite struct TrainingExportTests {
    @Test func exportFollowsTheLabelRule() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fraud-export-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try await SQLiteStore.open(path: directory + "/fraud.db")

        // Original training file: rows 0..<10, all labelled 0.
        let originals = StoreFixtures.scored(count: 10).map { row -> Transaction in
            var transaction = row.transaction
            transaction.label = false
            return transaction
        }
        let originalPath = directory + "/train.csv"
        let writer = try TransactionCSVWriter(path: originalPath)
        try writer.write(contentsOf: originals)
        try writer.flush()

        // Stored payments: rows 5..<40 (5..<10 overlap the original file). Every 10th is predicted fraud.
        let stored = StoreFixtures.scored(count: 35, firstIndex: 5)
        try await store.write(stored)
        let t0 = EventTime(year: 2021, month: 1, day: 1)!
        // Confirm: row 7 (in the original) as fraud, row 20 (predicted fraud) as NOT fraud, row 21 as fraud.
        for (index, isFraud) in [(7, true), (20, false), (21, true)] {
            try await store.label(transNum: StoreFixtures.transNum(index), isFraud: isFraud, by: "ana", at: t0)
        }

        let out = directory + "/export.csv"
        let summary = try await TrainingExport.write(originals: [originalPath], store: store, to: out)
        #expect(summary.originalRows == 10 && summary.correctedLabels == 1 && summary.confirmedRows == 2 && summary.sourceLabelRows == 0)
        let exported = try TransactionCSVReader(path: out).readAll()
        let labels = Dictionary(uniqueKeysWithValues: exported.map { ($0.transNum, $0.label) })
        #expect(exported.count == 12)
        #expect(labels[StoreFixtures.transNum(7)] == true)   // corrected by an analyst
        #expect(labels[StoreFixtures.transNum(8)] == false)  // original label kept
        #expect(labels[StoreFixtures.transNum(20)] == false) // true_value, not the prediction (true)
        #expect(labels[StoreFixtures.transNum(21)] == true)
        #expect(labels[StoreFixtures.transNum(30)] == nil)   // predicted fraud, unconfirmed: left out

        let withSource = try await TrainingExport.write(originals: [originalPath], store: store, includeSourceLabels: true, to: out)
        let confirmed: Set = [StoreFixtures.transNum(20), StoreFixtures.transNum(21)]
        // Rows 5..<10 are in the original file; of the others, those with a source label and no true_value are appended.
        let sourceLabelled = stored.dropFirst(5).filter { $0.transaction.label != nil && !confirmed.contains($0.transaction.transNum) }
        #expect(withSource.confirmedRows == 2 && withSource.sourceLabelRows == sourceLabelled.count && !sourceLabelled.isEmpty)
        let again = Dictionary(uniqueKeysWithValues: try TransactionCSVReader(path: out).readAll().map { ($0.transNum, $0.label) })
        for row in sourceLabelled {
            #expect(again[row.transaction.transNum] == row.transaction.label)  // the source label, not the prediction
        }
        try await store.close()
    }
}
