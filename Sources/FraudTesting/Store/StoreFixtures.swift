import FraudCore

/// Deterministic scored payments for store tests and benchmarks (a seeded generator, no files).
package enum StoreFixtures {
    /// `count` scored payments; the same seed gives the same rows. Event times are one minute apart from
    /// 2020-06-21 00:00:00; every 10th row is predicted fraud; about a third carry a source label.
    package static func scored(count: Int, seed: UInt64 = 42, firstIndex: Int = 0, cards: Int = 20) -> [ScoredTransaction] {
        var random = SplitMix64(seed: seed)
        let start = EventTime(year: 2020, month: 6, day: 21)!
        let categories = ["gas_transport", "grocery_pos", "shopping_net", "misc_net", "personal_care"]
        return (firstIndex..<(firstIndex + count)).map { index in
            let card = Int64(4_000_000_000_000 + Int64(index % max(cards, 1)) * 7_919)
            let score = Double(random.next() % 10_000) / 10_000
            let transaction = Transaction(
                rowIndex: index % 5 == 0 ? nil : Int64(index), eventTime: start.adding(seconds: Int64(index) * 60), ccNum: card,
                merchant: "fraud_Merchant, \"Quoted\" \(index % 17)", category: categories[index % categories.count],
                amount: Double(random.next() % 100_000) / 100, firstName: "Jeff", lastName: "Elliott", gender: index % 2 == 0 ? "M" : "F",
                street: index % 7 == 0 ? "" : "\(index) Darlene Green", city: "Columbia", state: "SC", zip: 29_209,
                latitude: 33.9659, longitude: -80.9355, cityPopulation: 333_497, job: "Mechanical engineer",
                dateOfBirth: CalendarDate(year: 1968, month: 3, day: 19)!, transNum: transNum(index),
                unixTime: index % 3 == 0 ? nil : 1_371_816_865 + Int64(index), merchantLatitude: 33.986391,
                merchantLongitude: -81.200714, label: index % 3 == 0 ? (index % 9 == 0) : nil)
            return ScoredTransaction(
                transaction: transaction, score: score, prediction: index % 10 == 0, threshold: 0.5, modelVersion: "1",
                reasons: [FeatureContribution(feature: "amount_log", value: Double(index % 13), contribution: 0.25),
                          FeatureContribution(feature: "hour \"night\"\n", value: 3, contribution: -0.125)],
                scoredAt: start.adding(seconds: Int64(index) * 60 + 1), latencyMs: 1.5)
        }
    }

    /// The `trans_num` of fixture row `index`: 32 hex digits, like the dataset's.
    package static func transNum(_ index: Int) -> String {
        var random = SplitMix64(seed: UInt64(index) &+ 0x9E37_79B9)
        let high = String(random.next(), radix: 16)
        let low = String(random.next(), radix: 16)
        return String(repeating: "0", count: 16 - high.count) + high + String(repeating: "0", count: 16 - low.count) + low
    }
}

