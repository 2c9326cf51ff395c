import FraudCore
import Foundation

/// Feature contributions as short phrases for people, e.g. "amount 12× card mean".
///
/// Knows the names of the feature extractor (`FeatureNames.all`, version `card-velocity-1`); any other
/// feature reads as `name = value`, so a new extractor never breaks an alert.
package enum ReasonText {
    /// Phrases for the reasons that pushed towards fraud (positive contribution), strongest first.
    package static func phrases(_ reasons: [FeatureContribution], limit: Int = 3) -> [String] {
        reasons.filter { $0.contribution > 0 }
            .sorted { $0.contribution > $1.contribution }
            .prefix(limit)
            .map(phrase)
    }

    /// One reason as a phrase with its effect, e.g. "at hour 3 (lowers the score)".
    package static func labelled(_ reason: FeatureContribution) -> String {
        phrase(reason) + " (" + effect(reason.contribution) + ")"
    }

    /// The label of a reason that pushed the score towards fraud.
    package static let raises = "raises the score"

    /// What a contribution does to the fraud score.
    package static func effect(_ contribution: Double) -> String {
        contribution > 0 ? raises : contribution < 0 ? "lowers the score" : "leaves the score unchanged"
    }

    /// One reason as a phrase.
    package static func phrase(_ reason: FeatureContribution) -> String {
        let value = reason.value
        switch reason.feature {
        case "amount_log": return "amount " + NumberText.dollars(expm1(value))
        case "amount_vs_card_mean": return "amount " + NumberText.ratio(value) + "× card mean"
        case "amount_vs_card_max_7d": return "amount " + NumberText.ratio(value) + "× card's 7-day max"
        case "card_count_1h": return plural(value, "payment") + " in the last hour"
        case "card_count_24h": return plural(value, "payment") + " in the last 24 h"
        case "card_count_7d": return plural(value, "payment") + " in the last 7 days"
        case "card_amount_1h": return NumberText.dollars(value) + " spent in the last hour"
        case "card_amount_24h": return NumberText.dollars(value) + " spent in the last 24 h"
        case "card_amount_7d": return NumberText.dollars(value) + " spent in the last 7 days"
        case "card_night_count_24h": return plural(value, "night payment") + " in the last 24 h"
        case "card_payment_count": return "card's payment no. " + NumberText.count(value)
        case "seconds_since_previous": return NumberText.seconds(value) + " since the card's previous payment"
        case "first_at_merchant": return value >= 0.5 ? "first payment at this merchant" : "known merchant"
        case "first_in_category": return value >= 0.5 ? "first payment in this category" : "known category"
        case "night": return value >= 0.5 ? "night-time payment" : "daytime payment"
        case "hour": return "at hour " + NumberText.count(value)
        case "distance_km": return NumberText.count(value) + " km from the card holder"
        case "age_years": return "card holder aged " + NumberText.count(value)
        case "city_pop_log": return "city of " + NumberText.count(expm1(value)) + " people"
        default:
            if reason.feature.hasPrefix("category_") {
                return "category " + reason.feature.dropFirst("category_".count)
            }
            return reason.feature + " = " + Fixed(value, digits: 2).description
        }
    }

    private static func plural(_ value: Double, _ noun: String) -> String {
        let count = NumberText.count(value)
        return count + " " + noun + (count == "1" ? "" : "s")
    }
}
