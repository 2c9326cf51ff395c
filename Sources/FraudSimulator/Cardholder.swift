import FraudCore

/// One card and its holder, with the habits that shape its payments.
struct Cardholder: Sendable {
    let ccNum: Int64
    let firstName: String
    let lastName: String
    let gender: String
    let street: String
    let place: Place
    let latitude: Double
    let longitude: Double
    let job: String
    let dateOfBirth: CalendarDate
    /// Average legitimate payments per day.
    let paymentsPerDay: Double
    /// Multiplies the category's typical amounts (log-normal around 1).
    let spendLevel: Double
    /// Categories this holder never buys in (bit i = `PaymentCategory.all[i]`).
    let avoidedCategories: UInt16
    /// Picks this holder's usual merchants in each category.
    let merchantOffset: Int

    /// Categories some holders never use, so a first payment there says something.
    private static let avoidable = ["travel", "grocery_net", "misc_net", "shopping_net", "kids_pets", "health_fitness", "misc_pos"]
        .map(PaymentCategory.index(of:))

    /// A random holder living somewhere in `Place.all`; `startYear` anchors ages.
    init(ccNum: Int64, startYear: Int, using random: inout SeededGenerator) {
        self.ccNum = ccNum
        let female = random.chance(0.53)
        gender = female ? "F" : "M"
        firstName = random.element(of: female ? Catalogue.femaleFirstNames : Catalogue.maleFirstNames)
        lastName = random.element(of: Catalogue.lastNames)
        let number = 1 + random.index(random.chance(0.5) ? 999 : 99_999)
        var street = "\(number) \(random.element(of: Catalogue.streetNames)) \(random.element(of: Catalogue.streetSuffixes))"
        if random.chance(0.25) { street += (random.chance(0.5) ? " Apt. " : " Suite ") + String(1 + random.index(999)) }
        self.street = street
        place = random.element(of: Place.all)
        latitude = Self.rounded(place.latitude + random.uniform(-0.03, 0.03), places: 4)
        longitude = Self.rounded(place.longitude + random.uniform(-0.03, 0.03), places: 4)
        job = random.element(of: Catalogue.jobs)
        let age = min(max(46 + 17.5 * random.normal(), 18), 95)
        let birthYear = startYear - Int(age)
        let month = 1 + random.index(12)
        let day = 1 + random.index(CivilCalendar.daysInMonth(year: birthYear, month: month))
        dateOfBirth = CalendarDate(year: birthYear, month: month, day: day)!
        paymentsPerDay = min(max(random.logNormal(median: 2.6, sigma: 0.6), 0.2), 15)
        spendLevel = min(max(random.logNormal(median: 1, sigma: 0.55), 0.2), 6)
        var avoided: UInt16 = 0
        for category in Self.avoidable where random.chance(0.3) { avoided |= 1 << UInt16(category) }
        avoidedCategories = avoided
        merchantOffset = random.index(1 << 20)
    }

    /// Whether the holder ever buys in category `index` on their own.
    func uses(category index: Int) -> Bool {
        avoidedCategories & (1 << UInt16(index)) == 0
    }

    static func rounded(_ value: Double, places: Int) -> Double {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return (value * scale).rounded() / scale
    }

    /// A card number with a real issuer prefix and length (13 to 19 digits), as in the fraudTest data.
    static func cardNumber(using random: inout SeededGenerator) -> Int64 {
        // (prefix, total digits): Visa 16/13/19, Mastercard, Amex, Discover, JCB, Diners.
        let schemes: [(Int64, Int)] = [(4, 16), (4, 16), (4, 13), (4, 19), (51, 16), (55, 16), (2720, 16), (34, 15), (37, 15),
                                       (6011, 16), (3528, 16), (3589, 16), (30, 14), (36, 14), (38, 14)]
        let (prefix, length) = schemes[random.index(schemes.count)]
        var prefixDigits = 0
        var rest = prefix
        while rest > 0 { prefixDigits += 1; rest /= 10 }
        var number = prefix
        // A 19-digit Visa (4 then 18 digits) stays below 5e18, so it fits Int64 like the data's largest card.
        for _ in prefixDigits..<length {
            number = number * 10 + Int64(random.index(10))
        }
        return number
    }
}
