/// A setting refused when a component is configured: which parameter or environment variable, what was there, and
/// what is expected. Every module's configuration check throws this one type.
package struct ConfigurationError: Error, Hashable, Sendable {
    /// The parameter or environment variable, e.g. `maxBatch` or `FRAUD_SMTP_URL`.
    package var parameter: String
    /// The offending value as given (never a secret's value: callers pass a redacted form or "").
    package var value: String
    /// What was wrong or what is expected, e.g. "must be at least 1" or "expected 0 < delta < 1".
    package var reason: String

    /// An error naming `parameter`, its `value` and the `reason` it was refused.
    package init(parameter: String, value: String, reason: String) {
        self.parameter = parameter
        self.value = value
        self.reason = reason
    }

    /// An error naming `parameter` and its `value`, which should satisfy `expected` (e.g. "≥ 1", "0...1").
    package init(parameter: String, value: some CustomStringConvertible, expected: String) {
        self.init(parameter: parameter, value: value.description, reason: "expected \(expected)")
    }
}

extension ConfigurationError: CustomStringConvertible {
    /// `parameter: reason (got "value")`.
    package var description: String { "\(parameter): \(reason) (got \"\(value)\")" }
}
