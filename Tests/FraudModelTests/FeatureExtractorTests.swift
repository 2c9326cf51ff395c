import FraudCore
@testable import FraudModel
import FraudTesting
import Testing

@Suite struct FeatureExtractorTests {
    static func column(_ name: String) -> Int { FeatureNames.all.firstIndex(of: name)! }

    @Test func namesAreUniqueAndMatchTheMatrixWidth() {
        #expect(Set(FeatureNames.all).count == FeatureNames.all.count)
        #expect(FeatureExtractor.spec.names.count == FeatureNames.count)
    }

    @Test func pointInTimeCorrect() {
        // A row's features must not change when later payments are added.
        let all = ModelFixtures.transactions
        var full = FeatureExtractor(), prefix = FeatureExtractor()
        let fullMatrix = full.extract(all)
        let prefixMatrix = prefix.extract(all.prefix(all.count / 2))
        let width = FeatureNames.count
        #expect(prefixMatrix.values.elementsEqual(fullMatrix.values.prefix(prefixMatrix.rows * width)) { $0 == $1 || ($0.isNaN && $1.isNaN) })
    }

    @Test func velocityWindowsCountTheCardsRecentPayments() {
        let base = SyntheticTransactions.generate(seed: 1, cards: 1, days: 1, compromisedShare: 0)[0]
        var extractor = FeatureExtractor()
        let offsets: [Int64] = [0, 600, 1800, 5000, 90_000]  // seconds after the first payment
        let amounts = [10.0, 20, 30, 40, 50]
        var batch: [Transaction] = []
        for (offset, amount) in zip(offsets, amounts) {
            var payment = base
            payment.eventTime = base.eventTime.adding(seconds: offset)
            payment.amount = amount
            batch.append(payment)
        }
        let matrix = extractor.extract(batch)
        // Third payment (t = 1800 s): all three within 1 h.
        #expect(matrix[2, Self.column("card_count_1h")] == 3)
        #expect(matrix[2, Self.column("card_amount_1h")] == 60)
        #expect(matrix[2, Self.column("seconds_since_previous")] == 1200)
        #expect(matrix[2, Self.column("amount_vs_card_mean")] == 2)  // 30 / mean(10, 20)
        // Fourth (t = 5000 s): the first two are over an hour old.
        #expect(matrix[3, Self.column("card_count_1h")] == 2)
        #expect(matrix[3, Self.column("card_count_24h")] == 4)
        // Fifth (t = 90000 s): itself and the fourth within 24 h, all five within 7 days.
        #expect(matrix[4, Self.column("card_count_24h")] == 2)
        #expect(matrix[4, Self.column("card_count_7d")] == 5)
        #expect(matrix[4, Self.column("card_amount_7d")] == 150)
        #expect(matrix[0, Self.column("seconds_since_previous")].isNaN)
        #expect(matrix[0, Self.column("first_in_category")] == 1)
        #expect(matrix[1, Self.column("first_in_category")] == 0)
        #expect(matrix[1, Self.column("card_payment_count")] == 1)
    }

    @Test func snapshotRestoreContinuesExactly() throws {
        let all = ModelFixtures.transactions
        let half = all.count / 2
        var uninterrupted = FeatureExtractor()
        let expected = uninterrupted.extract(all)
        var first = FeatureExtractor()
        _ = first.extract(all.prefix(half))
        let bytes = first.state.serialized()
        var restored = FeatureExtractor(state: try CardStateStore(serialized: bytes))
        #expect(restored.state == first.state)
        let rest = restored.extract(all[half...])
        #expect(rest.values.elementsEqual(expected.values.suffix(from: half * FeatureNames.count)) { $0 == $1 || ($0.isNaN && $1.isNaN) })
        #expect(throws: ModelError.self) { try CardStateStore(serialized: Array(bytes.dropLast())) }
    }

    @Test func stateForAMillionCardsFitsInOneGiB() {
        // Measured from the layout: the chunked columns plus the card index, at 20k cards, scaled.
        var state = CardStateStore()
        for card in 0..<20_000 { _ = state.slot(for: Int64(card)) }
        let perCard = Double(state.estimatedBytes) / 20_000
        #expect(perCard * 1_000_000 < 1_073_741_824)
    }
}
