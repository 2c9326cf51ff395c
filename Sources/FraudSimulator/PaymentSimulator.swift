import FraudCore

/// A deterministic stream of realistic card payments in event-time order, with fraud episodes
/// and optional drift; it can run indefinitely.
///
/// ```swift
/// var simulator = try PaymentSimulator(configuration: SimulatorConfiguration(seed: 7))
/// let payment = simulator.next()
/// ```
package struct PaymentSimulator: Sendable {
    /// The settings this stream was built from.
    package let configuration: SimulatorConfiguration
    /// Payments produced so far.
    package internal(set) var rowsGenerated: Int64 = 0
    /// Fraudulent payments produced so far.
    package internal(set) var fraudsGenerated: Int64 = 0

    /// Offset between event time and the `unix_time` column: the Kaggle files shifted dates by
    /// +7 years (2,557 days) and kept the generator's epoch seconds in `unix_time`.
    package static let unixTimeOffsetSeconds: Int64 = 2557 * 86_400

    var random: SeededGenerator
    let cards: [Cardholder]
    let merchants: [[Merchant]]
    let categories = PaymentCategory.all
    let normalProfile: ActivityProfile
    let shiftedProfile: ActivityProfile
    let thinningBound: Double
    let classicFraudCategories = FraudEpisode.categoryCumulative(.classic)
    let modernFraudCategories = FraudEpisode.categoryCumulative(.modern)
    let amountShiftStart: Int64
    let categoryMixStart: Int64
    let newFraudPatternStart: Int64
    /// Legitimate payments per second over all cards, on average.
    let legitimateRate: Double
    var queue = EventQueue()
    /// Until when each card is in a fraud episode (seconds), so episodes do not overlap.
    var episodeUntil: [Int64]

    /// Builds the cards and merchants for `configuration` and schedules their first payments.
    package init(configuration: SimulatorConfiguration) {
        self.configuration = configuration
        var random = SeededGenerator(seed: configuration.seed)
        merchants = Merchant.catalogue(perCategory: configuration.merchantsPerCategory, using: &random)
        let startYear = configuration.start.date.year
        var numbers = Set<Int64>()
        var cards: [Cardholder] = []
        cards.reserveCapacity(configuration.cards)
        while cards.count < configuration.cards {
            let number = Cardholder.cardNumber(using: &random)
            guard numbers.insert(number).inserted else { continue }
            cards.append(Cardholder(ccNum: number, startYear: startYear, using: &random))
        }
        self.cards = cards
        episodeUntil = [Int64](repeating: .min, count: cards.count)
        let shares = PaymentCategory.all.map(\.share)
        normalProfile = ActivityProfile(shares: shares)
        shiftedProfile = ActivityProfile(shares: zip(PaymentCategory.all, shares).map { category, share in
            category.isOnline ? share * 2.5 : category.name == "travel" ? share * 2 : category.name.hasSuffix("_pos") ? share * 0.6 : share
        })
        thinningBound = max(normalProfile.maxFactor, shiftedProfile.maxFactor)
        amountShiftStart = configuration.driftStart(.amountShift) ?? .max
        categoryMixStart = configuration.driftStart(.categoryMix) ?? .max
        newFraudPatternStart = configuration.driftStart(.newFraudPattern) ?? .max
        legitimateRate = cards.reduce(0) { $0 + $1.paymentsPerDay } / 86_400
        self.random = random

        let start = configuration.start.secondsSinceEpoch
        for index in cards.indices {
            let time = nextLegitimateTime(after: start, card: index)
            queue.push(ScheduledEvent(time: time, sequence: 0, kind: .legitimate, card: Int32(index)))
        }
        if let first = nextEpisodeStart(after: start) {
            queue.push(ScheduledEvent(time: first, sequence: 0, kind: .episodeStart, card: -1))
        }
    }

    /// Builds a simulator, validating the settings first.
    /// - Throws: `ConfigurationError` from the configuration.
    package init(seed: UInt64, start: EventTime = SimulatorConfiguration.defaultStart, cards: Int = 1000,
                fraudRate: Double = 0.004, drift: [DriftScenario] = []) throws {
        self.init(configuration: try SimulatorConfiguration(seed: seed, start: start, cards: cards, fraudRate: fraudRate, drift: drift))
    }

    /// The next payment in event-time order.
    package mutating func next() -> Transaction {
        while true {
            let event = queue.first!
            switch event.kind {
            case .legitimate:
                let card = Int(event.card)
                let transaction = legitimatePayment(card: card, time: event.time)
                let next = nextLegitimateTime(after: event.time, card: card)
                queue.replaceFirst(with: ScheduledEvent(time: next, sequence: 0, kind: .legitimate, card: event.card))
                return transaction
            case .fraudulent:
                _ = queue.popFirst()
                return fraudulentPayment(card: Int(event.card), time: event.time, episode: event.episode)
            case .episodeStart:
                _ = queue.popFirst()
                startEpisode(at: event.time)
                if let next = nextEpisodeStart(after: event.time) {
                    queue.push(ScheduledEvent(time: next, sequence: 0, kind: .episodeStart, card: -1))
                }
            }
        }
    }

    /// The next `count` payments.
    package mutating func nextBatch(count: Int) -> [Transaction] {
        var batch: [Transaction] = []
        batch.reserveCapacity(count)
        for _ in 0..<count { batch.append(next()) }
        return batch
    }

    /// The event time of the next payment (without producing it).
    package var nextEventTime: EventTime {
        EventTime(secondsSinceEpoch: queue.first!.time)
    }
}
