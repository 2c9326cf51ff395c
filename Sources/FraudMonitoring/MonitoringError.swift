/// A monitoring setting out of its valid range.
public struct MonitoringParameterError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The parameter's name, e.g. `windowSize`.
    public var parameter: String
    /// The value given.
    public var value: String
    /// What is accepted.
    public var expected: String

    /// An error for `parameter` given `value`, which should satisfy `expected`.
    public init(parameter: String, value: String, expected: String) {
        self.parameter = parameter
        self.value = value
        self.expected = expected
    }

    public var description: String { "invalid \(parameter) \(value): expected \(expected)" }
}

/// Something the monitor, the gate or the retrainer cannot do, and why.
public enum MonitoringError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No training reference for the champion's artifact.
    case noReference(artifact: String, reason: String)
    /// No champion is set in the registry.
    case noChampion
    /// The labelled window is too small to judge models on.
    case tooFewLabels(rows: Int, frauds: Int, requiredRows: Int, requiredFrauds: Int)
    /// An evaluator was asked about another window than the one it loaded.
    case windowMismatch(loaded: String, requested: String)
    /// The retraining set cannot be built or trained on.
    case training(String)
    /// A worker stopped making progress.
    case stalled(String)

    public var description: String {
        switch self {
        case .noReference(let artifact, let reason): "artifact '\(artifact)' has no drift reference: \(reason)"
        case .noChampion: "no champion is set in the registry (fraud models promote VERSION)"
        case .tooFewLabels(let rows, let frauds, let requiredRows, let requiredFrauds):
            "the labelled window holds \(rows) labelled payments (\(frauds) frauds); the same-window gate needs at least \(requiredRows) (\(requiredFrauds) frauds)"
        case .windowMismatch(let loaded, let requested): "the evaluator loaded window \(loaded) but was asked about \(requested)"
        case .training(let reason): "retraining: \(reason)"
        case .stalled(let reason): reason
        }
    }
}
