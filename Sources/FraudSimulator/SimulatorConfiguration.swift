import FraudCore

/// Everything that determines a simulated payment stream. The same configuration always gives
/// the same rows.
package struct SimulatorConfiguration: Hashable, Sendable {
    /// Seed of the pseudo-random generator.
    package var seed: UInt64
    /// Event time at which the stream starts (default 2020-06-21 00:00:00, like fraudTest.csv).
    package var start: EventTime
    /// Number of cards (default 1,000, like the Kaggle data).
    package var cards: Int
    /// Target share of fraudulent payments (default 0.004).
    package var fraudRate: Double
    /// Merchants per category (default 50: 700 merchants, like the data's 693).
    package var merchantsPerCategory: Int
    /// Distribution changes from given dates.
    package var drift: [DriftScenario]

    /// The default start: 2020-06-21 00:00:00 UTC.
    package static let defaultStart = EventTime(year: 2020, month: 6, day: 21)!

    /// Settings with their defaults; see each property.
    /// - Throws: `ConfigurationError` when a value is out of its valid range.
    package init(
        seed: UInt64, start: EventTime = SimulatorConfiguration.defaultStart, cards: Int = 1000,
        fraudRate: Double = 0.004, merchantsPerCategory: Int = 50, drift: [DriftScenario] = []
    ) throws {
        guard (1...10_000_000).contains(cards) else {
            throw ConfigurationError(parameter: "cards", value: cards, expected: "1...10000000")
        }
        guard fraudRate >= 0 && fraudRate <= 0.5 else {
            throw ConfigurationError(parameter: "fraudRate", value: fraudRate, expected: "0...0.5")
        }
        guard (1...10_000).contains(merchantsPerCategory) else {
            throw ConfigurationError(parameter: "merchantsPerCategory", value: merchantsPerCategory, expected: "1...10000")
        }
        self.seed = seed
        self.start = start
        self.cards = cards
        self.fraudRate = fraudRate
        self.merchantsPerCategory = merchantsPerCategory
        self.drift = drift
    }

    /// When the scenario `kind` starts, if configured (the earliest, if given twice).
    func driftStart(_ kind: DriftScenario.Kind) -> Int64? {
        drift.filter { $0.kind == kind }.map { $0.start.secondsSinceEpoch }.min()
    }
}
