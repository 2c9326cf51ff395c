/// A number with a fixed count of decimals (Foundation's `String(format:)` is slow on Linux).
package struct Fixed: CustomStringConvertible {
    package var value: Double
    package var digits: Int
    package init(_ value: Double, digits: Int) {
        self.value = value
        self.digits = digits
    }
    package var description: String {
        guard value.isFinite else { return value.description }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let whole = Int64(scaled / scale)
        let fraction = Int64(scaled) - whole * Int64(scale)
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard digits > 0 else { return sign + String(whole) }
        return sign + String(whole) + "." + DecimalDigits.padded(Int(fraction), digits)
    }

    /// `value` rounded to `digits` decimals, to print as Swift prints a `Double` (0.2558, 0.79, 1.0: no padding zeros).
    package static func rounded(_ value: Double, digits: Int) -> Double {
        guard value.isFinite else { return value }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        return (value * scale).rounded() / scale
    }
}
