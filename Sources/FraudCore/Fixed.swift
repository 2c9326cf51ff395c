/// A number written with a fixed count of decimals, e.g. `Fixed(0.9713, digits: 2)` = `0.97`, optionally with
/// thousands separators (`1,077.69`): the one number formatter of reports, alerts and the CLI (Foundation's
/// `String(format:)` is slow on Linux).
package struct Fixed: CustomStringConvertible {
    package var value: Double
    package var digits: Int
    /// Whether the whole part has thousands separators.
    package var grouped: Bool

    package init(_ value: Double, digits: Int, grouped: Bool = false) {
        self.value = value
        self.digits = digits
        self.grouped = grouped
    }

    package var description: String {
        guard value.isFinite else { return value.description }
        var scale: Int64 = 1
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int64((abs(value) * Double(scale)).rounded())
        let whole = scaled / scale
        let fraction = scaled % scale
        let sign = value < 0 && scaled != 0 ? "-" : ""
        let wholeText = grouped ? Self.thousands(whole) : String(whole)
        guard digits > 0 else { return sign + wholeText }
        return sign + wholeText + "." + DecimalDigits.padded(Int(fraction), digits)
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

    /// `value` rounded to `digits` decimals, to print as Swift prints a `Double` (0.2558, 0.79, 1.0: no padding zeros).
    package static func rounded(_ value: Double, digits: Int) -> Double {
        guard value.isFinite else { return value }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        return (value * scale).rounded() / scale
    }
}
