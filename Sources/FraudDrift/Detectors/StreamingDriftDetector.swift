/// A detector fed one value at a time (an error indicator, a loss, a score), which says after each
/// update whether the stream's distribution just changed (river's `DriftDetector`).
public protocol StreamingDriftDetector: Sendable {
    /// Feeds the next value. After a detection, the next update first resets the detector.
    mutating func update(_ value: Double)
    /// Whether the last update detected a change.
    var driftDetected: Bool { get }
}

/// A detector hyperparameter out of its valid range.
public struct DriftParameterError: Error, Hashable, CustomStringConvertible {
    /// The parameter's name, e.g. `delta`.
    public var parameter: String
    /// The value given.
    public var value: String
    /// What is accepted, e.g. "0 < delta < 1".
    public var expected: String

    /// An error for `parameter` given `value`, which should satisfy `expected`.
    public init(parameter: String, value: String, expected: String) {
        self.parameter = parameter
        self.value = value
        self.expected = expected
    }

    public var description: String { "invalid \(parameter) \(value): expected \(expected)" }
}
