import FraudCore
import FraudStore

/// What one retraining did.
package struct RetrainOutcome: Sendable {
    /// What became of the challenger.
    package enum Decision: Hashable, Sendable {
        /// It passed the gate and is the champion now.
        case promoted
        /// It did not pass; it is the `challenger`, and why.
        case challenger(reason: String)
    }

    /// The run's id in the `runs` table (`retrain-<milliseconds>`).
    package var runId: String
    /// Why the run started.
    package var trigger: RetrainTrigger
    /// The registered challenger.
    package var candidate: ModelVersionRecord
    /// The champion before the run, if any.
    package var previousChampion: String?
    /// Promoted, or kept as challenger and why.
    package var decision: Decision
    /// What the gate compared on.
    package var gateNote: String
    /// Both models on the gate's window, when judged on it.
    package var candidateEvaluation: ModelEvaluation?
    /// The champion's evaluation on the same window.
    package var championEvaluation: ModelEvaluation?
    /// The training set: original rows, confirmed labels added, labels held out for the gate, fingerprint.
    package var export: TrainingExport.Summary
    /// Confirmed labels (`true_value`) in the store when the run started.
    package var confirmedLabels: Int
    /// Confirmed labels held out of training for the gate's window.
    package var heldOutLabels: Int
    /// Rows, frauds, event-time range and SHA-256 of the training set.
    package var fingerprint: FraudCore.DataFingerprint
}
