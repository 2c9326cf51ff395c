import FraudCore
import FraudTesting
import Testing

@Suite struct FraudEpisodeTests {
    /// Frauds, and the rows they belong to, for one stream.
    static let rows = SimulatedData.transactions(rows: 60_000, seed: 11, cards: 500, fraudRate: 0.02)

    @Test func theFraudRateIsNearTheTarget() {
        let frauds = Self.rows.filter { $0.label == true }.count
        let rate = Double(frauds) / Double(Self.rows.count)
        // Episodes make fraud lumpy, so the tolerance is wide; the seed is fixed.
        #expect(rate > 0.014 && rate < 0.026, "fraud rate \(rate)")
    }

    @Test func theDefaultRateIsAboutFourPerThousand() {
        let rows = SimulatedData.transactions(rows: 80_000, seed: 12, cards: 1000)
        let rate = Double(rows.filter { $0.label == true }.count) / Double(rows.count)
        #expect(rate > 0.0025 && rate < 0.0055, "fraud rate \(rate)")
    }

    @Test func fraudComesInBurstsOnFewCards() {
        let frauds = Self.rows.filter { $0.label == true }
        let byCard = Dictionary(grouping: frauds, by: \.ccNum)
        // Several payments per compromised card...
        #expect(Double(frauds.count) / Double(byCard.count) >= 4)
        // ...within days, not spread over the whole stream (an episode lasts at most 4 days;
        // a card may be hit twice).
        let spans = byCard.values.map { payments in
            payments.map(\.eventTime.secondsSinceEpoch).max()! - payments.map(\.eventTime.secondsSinceEpoch).min()!
        }
        let shortSpans = spans.filter { $0 <= 4 * 86_400 }.count
        #expect(Double(shortSpans) / Double(spans.count) > 0.8)
    }

    @Test func fraudHappensAtUnusualHoursAndInItsOwnCategories() {
        let frauds = Self.rows.filter { $0.label == true }
        let legitimate = Self.rows.filter { $0.label == false }
        func nightShare(_ rows: [Transaction]) -> Double {
            Double(rows.filter { $0.eventTime.hour >= 22 || $0.eventTime.hour < 4 }.count) / Double(rows.count)
        }
        #expect(nightShare(frauds) > 2 * nightShare(legitimate))
        let favourite: Set = ["shopping_net", "grocery_pos", "misc_net", "shopping_pos", "gas_transport"]
        let share = Double(frauds.filter { favourite.contains($0.category) }.count) / Double(frauds.count)
        #expect(share > 0.8)
    }

    @Test func fraudAmountsAreUnlikeTheCardsHistory() {
        // Median ratio of a fraud amount to the card's median legitimate amount.
        let byCard = Dictionary(grouping: Self.rows, by: \.ccNum)
        var ratios: [Double] = []
        for payments in byCard.values {
            let legitimate = payments.filter { $0.label == false }.map(\.amount).sorted()
            guard legitimate.count >= 20 else { continue }
            let median = legitimate[legitimate.count / 2]
            ratios += payments.filter { $0.label == true && $0.amount > 20 }.map { $0.amount / median }
        }
        ratios.sort()
        #expect(ratios.count > 100)
        #expect(ratios[ratios.count / 2] > 2)
    }

    @Test func noFraudWhenTheRateIsZero() {
        let rows = SimulatedData.transactions(rows: 20_000, seed: 1, fraudRate: 0)
        #expect(rows.allSatisfy { $0.label == false })
    }
}
