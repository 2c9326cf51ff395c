import FraudCore

/// Small, deterministic, labelled payments with a learnable fraud pattern, for model tests.
///
/// Each card pays a few times a day in daytime, small amounts, in random categories. Some cards are
/// compromised: from a random moment they make a burst of night-time, high-amount online payments
/// (`shopping_net`, `misc_net`), labelled fraud. Velocity and amount-vs-history features catch it.
package enum SyntheticTransactions {
    static let categories = ["grocery_pos", "gas_transport", "home", "food_dining", "shopping_pos", "entertainment", "health_fitness",
                             "kids_pets", "personal_care", "travel", "grocery_net", "shopping_net", "misc_net", "misc_pos"]

    /// `cards` cards over `days` days from 2020-06-21, sorted by event time.
    package static func generate(seed: UInt64, cards: Int = 60, days: Int = 30, compromisedShare: Double = 0.3) -> [Transaction] {
        var random = SplitMix64(seed: seed)
        let start = EventTime(year: 2020, month: 6, day: 21)!
        var all: [Transaction] = []
        for card in 0..<cards {
            let profile = CardProfile(index: card, random: &random)
            for day in 0..<days {
                for _ in 0..<Int.random(in: 1...4, using: &random) {
                    let second = Int64.random(in: 7 * 3600..<21 * 3600, using: &random)
                    let time = start.adding(seconds: Int64(day) * 86_400 + second)
                    let category = categories[Int.random(in: 0..<11, using: &random)]
                    let amount = (Double.random(in: 2..<120, using: &random) * 100).rounded() / 100
                    all.append(profile.payment(time: time, category: category, amount: amount, fraud: false, serial: all.count, random: &random))
                }
            }
            if Double.random(in: 0..<1, using: &random) < compromisedShare {
                let day = Int64.random(in: 3..<Int64(days), using: &random)
                var time = start.adding(seconds: day * 86_400 + 22 * 3600 + Int64.random(in: 0..<3600, using: &random))
                for _ in 0..<Int.random(in: 3...8, using: &random) {
                    let category = Bool.random(using: &random) ? "shopping_net" : "misc_net"
                    let amount = (Double.random(in: 300..<1200, using: &random) * 100).rounded() / 100
                    all.append(profile.payment(time: time, category: category, amount: amount, fraud: true, serial: all.count, random: &random))
                    time = time.adding(seconds: Int64.random(in: 300..<2400, using: &random))
                }
            }
        }
        return all.enumerated().sorted { ($0.element.eventTime, $0.offset) < ($1.element.eventTime, $1.offset) }.map(\.element)
    }

    /// Who a card belongs to.
    struct CardProfile {
        var ccNum: Int64
        var latitude: Double
        var longitude: Double
        var gender: String
        var dateOfBirth: CalendarDate
        var cityPopulation: Int

        init(index: Int, random: inout SplitMix64) {
            ccNum = 4_000_000_000_000 + Int64(index) * 7919
            latitude = Double.random(in: 30..<45, using: &random)
            longitude = Double.random(in: -120 ..< -75, using: &random)
            gender = Bool.random(using: &random) ? "M" : "F"
            dateOfBirth = CalendarDate(year: Int.random(in: 1940...2000, using: &random), month: Int.random(in: 1...12, using: &random), day: 1)!
            cityPopulation = Int.random(in: 500...2_000_000, using: &random)
        }

        func payment(time: EventTime, category: String, amount: Double, fraud: Bool, serial: Int, random: inout SplitMix64) -> Transaction {
            let merchant = "fraud_Merchant \(Int.random(in: 0..<40, using: &random))"
            return Transaction(
                rowIndex: Int64(serial), eventTime: time, ccNum: ccNum, merchant: merchant, category: category, amount: amount,
                firstName: "Card", lastName: "\(ccNum % 1000)", gender: gender, street: "1 Main St", city: "Springfield",
                state: "IL", zip: 62701, latitude: latitude, longitude: longitude, cityPopulation: cityPopulation, job: "Engineer",
                dateOfBirth: dateOfBirth, transNum: "t\(ccNum)-\(serial)", unixTime: time.secondsSinceEpoch - 220_000_000,
                merchantLatitude: latitude + Double.random(in: -1..<1, using: &random),
                merchantLongitude: longitude + Double.random(in: -1..<1, using: &random), label: fraud)
        }
    }
}
