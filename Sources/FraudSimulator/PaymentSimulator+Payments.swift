import FraudCore

extension PaymentSimulator {
    /// A card's next legitimate payment time after `time`, by thinning against the activity profile:
    /// candidates at the card's peak rate, each kept with probability `factor / thinningBound`.
    mutating func nextLegitimateTime(after time: Int64, card: Int) -> Int64 {
        let meanGap = 86_400 / (cards[card].paymentsPerDay * thinningBound)
        var candidate = Double(time)
        while true {
            candidate += random.exponential(mean: meanGap)
            let seconds = Int64(candidate)
            let profile = seconds >= categoryMixStart ? shiftedProfile : normalProfile
            if random.uniform() * thinningBound < profile.factor(EventTime(secondsSinceEpoch: seconds)) { return max(seconds, time) }
        }
    }

    mutating func legitimatePayment(card index: Int, time: Int64) -> Transaction {
        let card = cards[index]
        let eventTime = EventTime(secondsSinceEpoch: time)
        let profile = time >= categoryMixStart ? shiftedProfile : normalProfile
        var category = profile.category(hour: eventTime.hour, using: &random)
        // Holders stick to their categories: redraw a few times before accepting an unusual one.
        var tries = 0
        while !card.uses(category: category) && tries < 4 {
            category = profile.category(hour: eventTime.hour, using: &random)
            tries += 1
        }
        let inCategory = merchants[category]
        let merchant: Merchant
        if random.chance(0.85) {
            // One of the holder's six usual merchants in this category.
            merchant = inCategory[(card.merchantOffset + category * 13 + random.index(6) * 7) % inCategory.count]
        } else {
            merchant = random.element(of: inCategory)
        }
        var amount = categories[category].legitimateAmount(spendLevel: card.spendLevel, using: &random)
        if time >= amountShiftStart { amount *= DriftScenario.amountShiftFactor }
        return payment(card: card, time: time, merchant: merchant, amount: amount, latitudeOffset: 0, longitudeOffset: 0, fraud: false)
    }

    mutating func fraudulentPayment(card index: Int, time: Int64, episode: FraudEpisode.Payment) -> Transaction {
        let card = cards[index]
        let category: Int
        var amount: Double
        if episode.isCardTest {
            category = PaymentCategory.index(of: random.chance(0.5) ? "gas_transport" : "misc_net")
            amount = random.uniform(1, 12)
        } else {
            let cumulative = episode.pattern == .classic ? classicFraudCategories : modernFraudCategories
            let draw = random.uniform()
            category = cumulative.firstIndex { draw < $0 } ?? cumulative.count - 1
            // Fraud amounts follow the fraudster, not the holder's spend level: unremarkable for a
            // big spender, far above the history of a modest one.
            amount = categories[category].largeMedian * Double(episode.amountFactor) * random.logNormal(median: 1, sigma: 0.3)
        }
        if time >= amountShiftStart { amount *= DriftScenario.amountShiftFactor }
        let merchant = random.element(of: merchants[category])
        return payment(card: card, time: time, merchant: merchant, amount: amount,
                       latitudeOffset: Double(episode.latitudeOffset), longitudeOffset: Double(episode.longitudeOffset), fraud: true)
    }

    /// Starts a fraud episode on a card that is not already in one.
    mutating func startEpisode(at time: Int64) {
        var card = random.index(cards.count)
        for _ in 0..<5 where episodeUntil[card] > time { card = random.index(cards.count) }
        guard episodeUntil[card] <= time else { return }
        let pattern: FraudEpisode.Pattern = time >= newFraudPatternStart ? .modern : .classic
        let plan = FraudEpisode.plan(pattern: pattern, start: time, using: &random)
        episodeUntil[card] = plan.last?.time ?? time
        for (paymentTime, payment) in plan {
            queue.push(ScheduledEvent(time: paymentTime, sequence: 0, kind: .fraudulent, card: Int32(card), episode: payment))
        }
    }

    /// When the next episode starts: a Poisson process whose rate gives `fraudRate` overall.
    mutating func nextEpisodeStart(after time: Int64) -> Int64? {
        let share = configuration.fraudRate
        guard share > 0 else { return nil }
        let pattern: FraudEpisode.Pattern = time >= newFraudPatternStart ? .modern : .classic
        let fraudulentPerSecond = share / (1 - share) * legitimateRate
        let episodesPerSecond = fraudulentPerSecond / pattern.meanPayments
        return time + max(1, Int64(random.exponential(mean: 1 / episodesPerSecond)))
    }

    /// Assembles the record; the merchant's location is near the holder (within a degree, as in
    /// the fraudTest data), shifted by the fraudster's offset.
    private mutating func payment(card: Cardholder, time: Int64, merchant: Merchant, amount: Double,
                                  latitudeOffset: Double, longitudeOffset: Double, fraud: Bool) -> Transaction {
        let merchantLatitude = min(max(card.latitude + latitudeOffset + random.uniform(-1, 1), -90), 90)
        let merchantLongitude = min(max(card.longitude + longitudeOffset + random.uniform(-1, 1), -180), 180)
        let transaction = Transaction(
            rowIndex: rowsGenerated,
            eventTime: EventTime(secondsSinceEpoch: time),
            ccNum: card.ccNum,
            merchant: merchant.name,
            category: categories[merchant.category].name,
            amount: max(1, (amount * 100).rounded() / 100),
            firstName: card.firstName,
            lastName: card.lastName,
            gender: card.gender,
            street: card.street,
            city: card.place.city,
            state: card.place.state,
            zip: card.place.zip,
            latitude: card.latitude,
            longitude: card.longitude,
            cityPopulation: card.place.population,
            job: card.job,
            dateOfBirth: card.dateOfBirth,
            transNum: transactionNumber(),
            unixTime: time - Self.unixTimeOffsetSeconds,
            merchantLatitude: Cardholder.rounded(merchantLatitude, places: 6),
            merchantLongitude: Cardholder.rounded(merchantLongitude, places: 6),
            label: fraud
        )
        rowsGenerated += 1
        if fraud { fraudsGenerated += 1 }
        return transaction
    }

    /// 32 lowercase hex digits from 128 random bits, like the data's `trans_num`.
    private mutating func transactionNumber() -> String {
        let high = random.next()
        let low = random.next()
        return String(unsafeUninitializedCapacity: 32) { buffer in
            let digits: StaticString = "0123456789abcdef"
            let table = UnsafeRawBufferPointer(start: digits.utf8Start, count: 16)
            for position in 0..<16 {
                buffer[position] = table[Int((high >> UInt64(60 - 4 * position)) & 0xF)]
                buffer[16 + position] = table[Int((low >> UInt64(60 - 4 * position)) & 0xF)]
            }
            return 32
        }
    }
}
