import FraudCore
import FraudStore

/// What one retraining did.
public struct RetrainOutcome: Sendable {
    /// What became of the challenger.
    public enum Decision: Hashable, Sendable {
        /// It passed the gate and is the champion now.
        case promoted
        /// It did not pass; it is the `challenger`, and why.
        case challenger(reason: String)
    }

    /// The run's id in the `runs` table (`retrain-<milliseconds>`).
    public var runId: String
    /// Why the run started.
    public var trigger: RetrainTrigger
    /// The registered challenger.
    public var candidate: ModelVersionRecord
    /// The champion before the run, if any.
    public var previousChampion: String?
    /// Promoted, or kept as challenger and why.
    public var decision: Decision
    /// What the gate compared on.
    public var gateNote: String
    /// Both models on the gate's window, when judged on it.
    public var candidateEvaluation: ModelEvaluation?
    /// The champion's evaluation on the same window.
    public var championEvaluation: ModelEvaluation?
    /// The training set: original rows, confirmed labels added, labels held out for the gate, fingerprint.
    public var export: TrainingExport.Summary
    /// Confirmed labels (`true_value`) in the store when the run started.
    public var confirmedLabels: Int
    /// Confirmed labels held out of training for the gate's window.
    public var heldOutLabels: Int
    /// Rows, frauds, event-time range and SHA-256 of the training set.
    public var fingerprint: FraudCore.DataFingerprint
}
