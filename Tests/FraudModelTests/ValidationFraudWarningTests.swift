import FraudCore
import FraudModel
import FraudTesting
import Testing

/// Training warns when the validation split holds fewer than 30 frauds, and says how many.
@Suite struct ValidationFraudWarningTests {
    func trainingLines(cards: Int, compromisedShare: Double) throws -> (lines: [String], validationFrauds: Int) {
        var extractor = FeatureExtractor()
        let features = LabelledFeatures(transactions: SyntheticTransactions.generate(seed: 5, cards: cards, compromisedShare: compromisedShare),
                                        extractor: &extractor)
        let fingerprint = FraudModel.DataFingerprint(rows: features.count, frauds: 0, firstEventTime: nil, lastEventTime: nil, sha256: "test", files: [])
        var lines: [String] = []
        let outcome = try ModelTraining(kind: .baseline).train(features, fingerprint: fingerprint) { lines.append($0) }
        return (lines, outcome.validationReport.frauds)
    }

    @Test func fewValidationFraudsAreNamed() throws {
        let (lines, frauds) = try trainingLines(cards: 40, compromisedShare: 0.2)
        #expect(frauds < 30)
        let warning = lines.filter { $0.hasPrefix("warning:") }
        #expect(warning.count == 1)
        #expect(warning.first?.contains("holds only \(frauds) frauds, fewer than 30") == true)
    }

    @Test func enoughValidationFraudsNoWarning() throws {
        let (lines, frauds) = try trainingLines(cards: 400, compromisedShare: 0.6)
        #expect(frauds >= 30)
        #expect(!lines.contains { $0.hasPrefix("warning:") })
    }
}
