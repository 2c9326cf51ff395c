import FraudCore

/// A figure in human-readable output: a whole number as such (600), else to 4 decimals (0.2558).
struct Figure: CustomStringConvertible {
    var value: Double
    init(_ value: Double) { self.value = value }

    var description: String {
        value.isFinite && value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : Fixed(value, digits: 4).description
    }

    /// `text` (e.g. a recorded parameter) with a decimal of more than 4 digits after the point rounded to 4; else as it is.
    static func text(_ text: String) -> String {
        guard let point = text.firstIndex(of: "."), text[text.index(after: point)...].count > 4,
              text[text.index(after: point)...].allSatisfy(\.isNumber), let value = Double(text) else { return text }
        return Fixed(value, digits: 4).description
    }
}
