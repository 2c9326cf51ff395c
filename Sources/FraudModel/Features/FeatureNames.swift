/// The extractor's columns: stable names (drift, reasons and the dashboard key on them) and their positions.
package enum FeatureNames {
    /// Version of the extractor's output; part of `features.json`.
    package static let version = "card-velocity-1"

    /// The Sparkov categories, one-hot encoded in this order (an unknown category sets none of them).
    package static let categories = [
        "entertainment", "food_dining", "gas_transport", "grocery_net", "grocery_pos", "health_fitness", "home",
        "kids_pets", "misc_net", "misc_pos", "personal_care", "shopping_net", "shopping_pos", "travel",
    ]

    static let amountLog = 0, hour = 1, weekday = 2, night = 3, ageYears = 4, genderMale = 5, cityPopulationLog = 6
    static let distanceKm = 7
    static let firstCategory = 8
    static let cardCount1h = firstCategory + categories.count, cardAmount1h = cardCount1h + 1
    static let cardCount24h = cardCount1h + 2, cardAmount24h = cardCount1h + 3
    static let cardCount7d = cardCount1h + 4, cardAmount7d = cardCount1h + 5
    static let amountVsCardMean = cardCount1h + 6, secondsSincePrevious = cardCount1h + 7
    static let firstAtMerchant = cardCount1h + 8, firstInCategory = cardCount1h + 9
    static let cardPaymentCount = cardCount1h + 10, amountVsCardMax7d = cardCount1h + 11
    static let cardNightCount24h = cardCount1h + 12
    static let count = cardCount1h + 13

    /// Every column name in matrix order.
    package static let all: [String] = {
        var names = ["amount_log", "hour", "weekday", "night", "age_years", "gender_male", "city_pop_log", "distance_km"]
        names += categories.map { "category_" + $0 }
        names += [
            "card_count_1h", "card_amount_1h", "card_count_24h", "card_amount_24h", "card_count_7d", "card_amount_7d",
            "amount_vs_card_mean", "seconds_since_previous", "first_at_merchant", "first_in_category",
            "card_payment_count", "amount_vs_card_max_7d", "card_night_count_24h",
        ]
        precondition(names.count == count, "feature names and indices disagree")
        return names
    }()

    /// The spec of what `FeatureExtractor` produces.
    package static var spec: FeatureSpec { FeatureSpec(version: version, names: all) }
}
