import FraudCore

/// Fraud as episodes: once a card is compromised, a burst of payments over hours to days, at
/// unusual hours, in the fraudsters' favourite categories, with amounts unlike the card's history.
enum FraudEpisode {
    /// How fraudsters behave; `modern` is what the `new-fraud-pattern` drift switches to.
    enum Pattern: UInt8, Sendable {
        /// Night-time online shopping and groceries, often after small "card testing" payments.
        case classic
        /// Daytime travel, dining and entertainment far from home, modest amounts, longer episodes.
        case modern

        /// Mean number of payments in an episode.
        var meanPayments: Double { self == .classic ? 8 : 12 }
    }

    /// What one fraudulent payment inherits from its episode.
    struct Payment: Sendable {
        var pattern: Pattern
        /// A small "does the card work" payment before the real spending.
        var isCardTest: Bool
        /// Amount multiplier of this episode (relative to the category's typical large purchase).
        var amountFactor: Float
        /// Where the fraudster is, relative to the holder's home (degrees).
        var latitudeOffset: Float
        var longitudeOffset: Float

        static let none = Payment(pattern: .classic, isCardTest: false, amountFactor: 1, latitudeOffset: 0, longitudeOffset: 0)
    }

    /// Category weights (`PaymentCategory.all` order) of each pattern.
    static func categoryCumulative(_ pattern: Pattern) -> [Double] {
        let weights: [String: Double]
        switch pattern {
        case .classic:
            weights = ["shopping_net": 0.27, "grocery_pos": 0.22, "misc_net": 0.15, "shopping_pos": 0.14, "gas_transport": 0.08,
                       "grocery_net": 0.04, "misc_pos": 0.04, "entertainment": 0.01, "food_dining": 0.01, "home": 0.01,
                       "personal_care": 0.01, "health_fitness": 0.005, "kids_pets": 0.005, "travel": 0.01]
        case .modern:
            weights = ["travel": 0.3, "entertainment": 0.25, "food_dining": 0.2, "personal_care": 0.15, "health_fitness": 0.1]
        }
        var running = 0.0
        let total = weights.values.reduce(0, +)
        return PaymentCategory.all.map { category in
            running += (weights[category.name] ?? 0) / total
            return running
        }
    }

    /// The payment times (seconds, ascending, all ≥ `start`) and payments of a new episode.
    static func plan(pattern: Pattern, start: Int64, using random: inout SeededGenerator) -> [(time: Int64, payment: Payment)] {
        let count: Int
        let hours: Double
        let travelling: Bool
        let amountFactor: Double
        switch pattern {
        case .classic:
            count = 2 + random.poisson(mean: 6)
            hours = min(max(random.logNormal(median: 20, sigma: 0.8), 1), 96)
            travelling = random.chance(0.25)
            amountFactor = random.logNormal(median: 2.0, sigma: 0.5)
        case .modern:
            count = 4 + random.poisson(mean: 8)
            hours = min(max(random.logNormal(median: 48, sigma: 0.6), 4), 168)
            travelling = random.chance(0.7)
            amountFactor = random.logNormal(median: 1.3, sigma: 0.4)
        }
        let latitudeOffset = travelling ? (random.chance(0.5) ? 1 : -1) * random.uniform(1.5, 4) : 0
        let longitudeOffset = travelling ? (random.chance(0.5) ? 1 : -1) * random.uniform(1.5, 4) : 0
        var times: [Int64] = []
        for _ in 0..<count {
            var time = start + Int64(random.uniform(0, hours * 3600))
            let hour = Int((time % 86_400) / 3600)
            switch pattern {
            case .classic where random.chance(0.55):
                // Most classic fraud happens late at night, when the holder is asleep.
                let nightHours = [22, 23, 0, 1, 2, 3]
                time = time - time % 86_400 + Int64(random.element(of: nightHours) * 3600) + Int64(random.index(3600))
            case .modern where hour < 8 || hour > 20:
                time = time - time % 86_400 + Int64((8 + random.index(13)) * 3600) + Int64(random.index(3600))
            default:
                break
            }
            while time < start { time += 86_400 }
            times.append(time)
        }
        times.sort()
        let cardTests = pattern == .classic && random.chance(0.6) ? min(2, count - 1) : 0
        return times.enumerated().map { position, time in
            (time, Payment(pattern: pattern, isCardTest: position < cardTests, amountFactor: Float(amountFactor),
                           latitudeOffset: Float(latitudeOffset), longitudeOffset: Float(longitudeOffset)))
        }
    }
}
