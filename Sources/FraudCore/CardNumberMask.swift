/// Card numbers as they may leave the system: the first 6 and last 4 digits, the rest as `*` (PCI DSS display rule).
package enum CardNumberMask {
    /// `card` masked; numbers of 10 digits or fewer keep only their last 4 digits.
    package static func masked(_ card: Int64) -> String {
        let digits = Array(String(card).utf8)
        let keepFirst = digits.count > 10 ? 6 : 0
        let keepLast = min(4, digits.count)
        var out = [UInt8](repeating: UInt8(ascii: "*"), count: digits.count)
        for index in digits.indices where index < keepFirst || index >= digits.count - keepLast { out[index] = digits[index] }
        return String(decoding: out, as: UTF8.self)
    }
}
