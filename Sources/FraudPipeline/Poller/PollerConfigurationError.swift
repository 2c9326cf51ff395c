/// A bad poller setting: which parameter, what was there, and what was expected.
public struct PollerConfigurationError: Error, Hashable, Sendable {
    /// The parameter, e.g. `url` or `interval`.
    public var parameter: String
    /// The offending value.
    public var value: String
    /// What was wrong.
    public var reason: String

    /// An error naming `parameter`, its `value` and the `reason` it was refused.
    public init(parameter: String, value: String, reason: String) {
        self.parameter = parameter
        self.value = value
        self.reason = reason
    }
}

extension PollerConfigurationError: CustomStringConvertible {
    /// `parameter: reason (got "value")`.
    public var description: String { "\(parameter): \(reason) (got \"\(value)\")" }
}
