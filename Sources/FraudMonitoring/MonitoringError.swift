/// Something the monitor, the gate or the retrainer cannot do, and why.
package enum MonitoringError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No training reference for the champion's artifact.
    case noReference(artifact: String, reason: String)
    /// The labelled window is too small to judge models on.
    case tooFewLabels(rows: Int, frauds: Int, requiredRows: Int, requiredFrauds: Int)
    /// An evaluator was asked about another window than the one it loaded.
    case windowMismatch(loaded: String, requested: String)
    /// The retraining set cannot be built or trained on.
    case training(String)

    /// What went wrong, in one line.
    package var description: String {
        switch self {
        case .noReference(let artifact, let reason): "artifact '\(artifact)' has no drift reference: \(reason)"
        case .tooFewLabels(let rows, let frauds, let requiredRows, let requiredFrauds):
            "the labelled window holds \(rows) labelled payment\(rows == 1 ? "" : "s") (\(frauds) fraud\(frauds == 1 ? "" : "s")); the same-window gate needs at least \(requiredRows) (\(requiredFrauds) frauds)"
        case .windowMismatch(let loaded, let requested): "the evaluator loaded window \(loaded) but was asked about \(requested)"
        case .training(let reason): "retraining: \(reason)"
        }
    }
}
