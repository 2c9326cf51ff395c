/// A value that could not be read: which field, what was there, and what was expected.
package struct FieldError: Error, Hashable, Sendable {
    /// The column or JSON field name.
    package var field: String
    /// The offending text, shortened for display.
    package var value: String
    /// What was wrong, e.g. "not a number".
    package var reason: String

    package init(field: String, value: some StringProtocol, reason: String) {
        self.field = field
        self.value = value.count > 80 ? String(value.prefix(77)) + "..." : String(value)
        self.reason = reason
    }
}

extension FieldError: CustomStringConvertible {
    package var description: String { "field '\(field)': \(reason) (got \"\(value)\")" }
}
