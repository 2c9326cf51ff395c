/// The 14 merchant categories of the fraudTest data, each with its own amounts, hours and share.
struct PaymentCategory: Sendable {
    /// The category name as written in files, e.g. `grocery_pos`.
    let name: String
    /// Share of legitimate payments (before any category-mix drift).
    let share: Double
    /// Amount mixture: with `smallShare`, a small purchase around `smallMedian`, otherwise one
    /// around `largeMedian` (both log-normal, medians in dollars, before the card's spend level).
    let smallShare: Double
    let smallMedian: Double
    let smallSigma: Double
    let largeMedian: Double
    let largeSigma: Double
    /// When in the day legitimate payments of this category happen.
    let hours: HourShape
    /// Whether the payment is online (`_net`): used by the category-mix drift.
    var isOnline: Bool { name.hasSuffix("_net") }

    /// Relative hourly activity profiles, 24 weights each (hour 0...23).
    enum HourShape: Sendable {
        case daytime, evening, allDay, online

        var weights: [Double] {
            switch self {
            case .daytime:
                return [0.15, 0.15, 0.15, 0.15, 0.15, 0.2, 0.4, 0.8, 1.2, 1.2, 1.2, 1.2,
                        1.5, 1.5, 1.3, 1.3, 1.3, 1.3, 1.2, 1.2, 0.9, 0.6, 0.35, 0.2]
            case .evening:
                return [0.12, 0.12, 0.12, 0.12, 0.12, 0.12, 0.4, 0.4, 0.4, 0.4, 0.4, 0.9,
                        1.4, 1.4, 0.8, 0.8, 0.8, 1.2, 1.8, 1.8, 1.8, 1.8, 1.0, 0.5]
            case .allDay:
                return [0.25, 0.25, 0.25, 0.25, 0.25, 0.5, 1.3, 1.3, 1.3, 1.3, 1.0, 1.0,
                        1.0, 1.0, 1.0, 1.0, 1.0, 1.3, 1.3, 1.3, 0.9, 0.9, 0.5, 0.5]
            case .online:
                return [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.6, 0.6, 0.6, 0.6, 1.0, 1.0,
                        1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.5, 1.5, 1.5, 1.5, 1.3, 1.3]
            }
        }
    }

    /// The 14 categories, shares and amounts shaped after the public fraudTest file.
    static let all: [PaymentCategory] = [
        .init(name: "entertainment", share: 0.0736, smallShare: 0.12, smallMedian: 6, smallSigma: 0.5, largeMedian: 62, largeSigma: 0.55, hours: .evening),
        .init(name: "food_dining", share: 0.0714, smallShare: 0.15, smallMedian: 5, smallSigma: 0.5, largeMedian: 48, largeSigma: 0.55, hours: .evening),
        .init(name: "gas_transport", share: 0.1036, smallShare: 0.05, smallMedian: 8, smallSigma: 0.5, largeMedian: 63, largeSigma: 0.22, hours: .allDay),
        .init(name: "grocery_net", share: 0.0342, smallShare: 0, smallMedian: 1, smallSigma: 0, largeMedian: 50, largeSigma: 0.4, hours: .online),
        .init(name: "grocery_pos", share: 0.0938, smallShare: 0, smallMedian: 1, smallSigma: 0, largeMedian: 104, largeSigma: 0.45, hours: .daytime),
        .init(name: "health_fitness", share: 0.0671, smallShare: 0.12, smallMedian: 7, smallSigma: 0.5, largeMedian: 50, largeSigma: 0.55, hours: .daytime),
        .init(name: "home", share: 0.0930, smallShare: 0.12, smallMedian: 9, smallSigma: 0.5, largeMedian: 58, largeSigma: 0.55, hours: .daytime),
        .init(name: "kids_pets", share: 0.0871, smallShare: 0.12, smallMedian: 9, smallSigma: 0.5, largeMedian: 55, largeSigma: 0.55, hours: .daytime),
        .init(name: "misc_net", share: 0.0493, smallShare: 0.6, smallMedian: 6, smallSigma: 0.8, largeMedian: 120, largeSigma: 0.7, hours: .online),
        .init(name: "misc_pos", share: 0.0615, smallShare: 0.55, smallMedian: 8, smallSigma: 0.8, largeMedian: 110, largeSigma: 0.7, hours: .daytime),
        .init(name: "personal_care", share: 0.0699, smallShare: 0.15, smallMedian: 5, smallSigma: 0.5, largeMedian: 40, largeSigma: 0.55, hours: .daytime),
        .init(name: "shopping_net", share: 0.0753, smallShare: 0.6, smallMedian: 5, smallSigma: 0.8, largeMedian: 130, largeSigma: 0.7, hours: .online),
        .init(name: "shopping_pos", share: 0.0887, smallShare: 0.6, smallMedian: 5, smallSigma: 0.8, largeMedian: 125, largeSigma: 0.7, hours: .daytime),
        .init(name: "travel", share: 0.0316, smallShare: 0.7, smallMedian: 5, smallSigma: 0.6, largeMedian: 450, largeSigma: 0.8, hours: .allDay),
    ]

    /// Position of a category in `all` by name.
    static func index(of name: String) -> Int {
        all.firstIndex { $0.name == name }!
    }

    /// A legitimate amount for a card with spend level `spendLevel`, before rounding.
    func legitimateAmount(spendLevel: Double, using random: inout SeededGenerator) -> Double {
        if smallShare > 0 && random.chance(smallShare) {
            return random.logNormal(median: smallMedian, sigma: smallSigma) * spendLevel.squareRoot()
        }
        return random.logNormal(median: largeMedian, sigma: largeSigma) * spendLevel
    }
}
