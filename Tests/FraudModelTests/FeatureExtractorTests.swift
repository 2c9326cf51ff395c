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

    @Test("every card's state encoded and decoded continues bit-identically, also with full and wrapped rings")
    func checkpointedCardsContinueExactly() throws {
        // Cards that repeat often enough that rings fill and wrap (64 entries), and late payments.
        var all = SyntheticTransactions.generate(seed: 9, cards: 12, days: 40)
        for index in stride(from: 5, to: all.count, by: 37) { all.swapAt(index, index - 1) }  // some late payments
        #expect(all.count > 12 * 64)
        for half in [1, all.count / 4, all.count / 2, all.count - 1] {
            var uninterrupted = FeatureExtractor()
            let expected = uninterrupted.extract(all)
            var first = FeatureExtractor()
            _ = first.extract(all.prefix(half))
            let cards = Set(all.prefix(half).map(\.ccNum)).map { card in
                CardStateRecord(ccNum: card, state: CardStateCodec.encode(card, in: first.state)!)
            }
            var restored = try FeatureExtractor(cards: cards)
            let rest = restored.extract(all[half...])
            #expect(rest.values.elementsEqual(expected.values.suffix(from: half * FeatureNames.count)) {
                $0.bitPattern == $1.bitPattern || ($0.isNaN && $1.isNaN)
            }, "split at \(half)")
        }
    }

    @Test("a damaged card state is refused, naming the masked card and the problem")
    func damagedCardStateIsRefused() throws {
        var extractor = FeatureExtractor()
        let payment = ModelFixtures.transactions[0]
        _ = extractor.extract([payment])
        let bytes = try #require(CardStateCodec.encode(payment.ccNum, in: extractor.state))
        #expect(CardStateCodec.encode(42, in: extractor.state) == nil)
        var state = CardStateStore()
        for damaged in [Array(bytes.dropLast()), [2] + bytes.dropFirst(), Array(bytes.prefix(10)), bytes + [0]] {
            let error = #expect(throws: ModelError.self) { try CardStateCodec.decode(damaged, card: payment.ccNum, into: &state) }
            let text = "\(error.map { "\($0)" } ?? "")"
            #expect(text.contains(CardNumberMask.masked(payment.ccNum)) && !text.contains(String(payment.ccNum)), "\(text)")
        }
    }

    @Test func stateForAMillionCardsFitsInOneGiB() {
        // Measured from the layout: the chunked columns plus the card index, at 20k cards, scaled.
        var state = CardStateStore()
        for card in 0..<20_000 { _ = state.slot(for: Int64(card)) }
        let perCard = Double(state.estimatedBytes) / 20_000
        #expect(perCard * 1_000_000 < 1_073_741_824)
    }
}
