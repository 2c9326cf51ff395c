/// Why a retraining starts.
package struct RetrainTrigger: Hashable, Sendable, CustomStringConvertible {
    /// The kind of trigger.
    package enum Kind: String, Hashable, Sendable, CaseIterable {
        /// The retraining interval elapsed.
        case schedule
        /// Enough new confirmed labels arrived.
        case labels
        /// The monitor's latest drift report says drift.
        case drift
        /// Labelled precision or recall of the champion fell below its floor.
        case performance
        /// Asked for on the command line.
        case manual
    }

    /// The kind of trigger.
    package var kind: Kind
    /// The figures behind it, in one line.
    package var reason: String

    /// A trigger of `kind` with its reason.
    package init(kind: Kind, reason: String) {
        self.kind = kind
        self.reason = reason
    }

    /// `kind: reason`.
    package var description: String { "\(kind.rawValue): \(reason)" }
}
