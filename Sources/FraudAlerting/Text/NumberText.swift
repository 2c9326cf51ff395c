import FraudCore

/// Numbers as people read them in alerts, written by hand (no `String(format:)`, which is slow on Linux).
package enum NumberText {
    /// `value` with exactly `digits` decimals, e.g. `fixed(0.9713, 2)` = `0.97`.
    package static func fixed(_ value: Double, _ digits: Int, grouped: Bool = false) -> String {
        guard value.isFinite else { return value.description }
        var scale: Int64 = 1
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int64((abs(value) * Double(scale)).rounded())
        let whole = scaled / scale
        let fraction = scaled % scale
        let sign = value < 0 && scaled != 0 ? "-" : ""
        let wholeText = grouped ? thousands(whole) : String(whole)
        guard digits > 0 else { return sign + wholeText }
        return sign + wholeText + "." + DecimalDigits.padded(Int(fraction), digits)
    }

    /// A US-dollar amount with thousands separators, e.g. `$1,077.69`.
    package static func dollars(_ amount: Double) -> String {
        let text = fixed(amount, 2, grouped: true)
        return text.hasPrefix("-") ? "-$" + text.dropFirst() : "$" + text
    }

    /// A ratio with one decimal under 10 and none above, e.g. `2.5` or `12`.
    package static func ratio(_ value: Double) -> String {
        abs(value) < 10 ? fixed(value, 1) : fixed(value, 0)
    }

    /// A whole count, e.g. `3`.
    package static func count(_ value: Double) -> String {
        fixed(value, 0)
    }

    /// A duration in the largest fitting unit, e.g. `45 s`, `12 min`, `3.5 h`, `2.0 days`.
    package static func seconds(_ value: Double) -> String {
        if value < 60 { return fixed(value, 0) + " s" }
        if value < 3600 { return fixed(value / 60, 0) + " min" }
        if value < 86_400 { return fixed(value / 3600, 1) + " h" }
        return fixed(value / 86_400, 1) + " days"
    }

    private static func thousands(_ value: Int64) -> String {
        let digits = Array(String(value))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return text
    }
}
