/// Small digit helpers for the hand-written parsers and formatters on hot paths
/// (Foundation's formatters are slow on Linux).
package enum DecimalDigits {
    /// The value of a run of ASCII digits, `nil` if any byte is not a digit.
    package static func value(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Int? {
        var value = 0
        for index in range {
            let digit = Int(bytes[index]) &- 48
            guard digit >= 0 && digit <= 9 else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    /// A non-negative number left-padded with zeros to `width` digits.
    package static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
