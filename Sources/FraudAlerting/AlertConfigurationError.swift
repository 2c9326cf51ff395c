/// A bad alerting setting: which parameter or environment variable, what was there, and what was expected.
public struct AlertConfigurationError: Error, Hashable, Sendable {
    /// The parameter or environment variable, e.g. `FRAUD_SMTP_URL`.
    public var parameter: String
    /// The offending value (never a secret's value).
    public var value: String
    /// What was wrong.
    public var reason: String

    public init(parameter: String, value: String, reason: String) {
        self.parameter = parameter
        self.value = value
        self.reason = reason
    }
}

extension AlertConfigurationError: CustomStringConvertible {
    public var description: String { "\(parameter): \(reason) (got \"\(value)\")" }
}
