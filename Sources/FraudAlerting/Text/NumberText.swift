import FraudCore

/// Numbers as people read them in alerts: dollars, ratios, counts and durations, written with `Fixed`.
package enum NumberText {
    /// A US-dollar amount with thousands separators, e.g. `$1,077.69`.
    package static func dollars(_ amount: Double) -> String {
        let text = Fixed(amount, digits: 2, grouped: true).description
        return text.hasPrefix("-") ? "-$" + text.dropFirst() : "$" + text
    }

    /// A ratio with one decimal under 10 and none above, e.g. `2.5` or `12`.
    package static func ratio(_ value: Double) -> String {
        abs(value) < 10 ? Fixed(value, digits: 1).description : Fixed(value, digits: 0).description
    }

    /// A whole count, e.g. `3`.
    package static func count(_ value: Double) -> String {
        Fixed(value, digits: 0).description
    }

    /// A duration in the largest fitting unit, e.g. `45 s`, `12 min`, `3.5 h`, `2.0 days`.
    package static func seconds(_ value: Double) -> String {
        if value < 60 { return Fixed(value, digits: 0).description + " s" }
        if value < 3600 { return Fixed(value / 60, digits: 0).description + " min" }
        if value < 86_400 { return Fixed(value / 3600, digits: 1).description + " h" }
        return Fixed(value / 86_400, digits: 1).description + " days"
    }
}
