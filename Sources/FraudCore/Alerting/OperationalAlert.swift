/// An alert about the system rather than one payment: drift detected, labelled performance below its floor.
package struct OperationalAlert: Hashable, Sendable {
    /// What kind of event, e.g. `drift_detected`; open so monitors can add kinds without breaking clients.
    package struct Kind: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        package var rawValue: String
        package init(rawValue: String) { self.rawValue = rawValue }
        package var description: String { rawValue }

        /// Feature or score distributions drifted away from the reference.
        package static let driftDetected = Kind(rawValue: "drift_detected")
        /// Labelled precision, recall or F1 fell below the configured floor.
        package static let performanceBelowFloor = Kind(rawValue: "performance_below_floor")
        /// A retraining was triggered or a model was promoted or rolled back.
        package static let modelLifecycle = Kind(rawValue: "model_lifecycle")
    }

    /// How urgent the alert is.
    package enum Severity: String, Hashable, Sendable, Comparable, CaseIterable {
        case info, warning, critical

        package static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

        private var rank: Int {
            switch self {
            case .info: 0
            case .warning: 1
            case .critical: 2
            }
        }
    }

    /// Identifier the alert is de-duplicated on: reuse it for the same episode (e.g. `drift:<report id>`)
    /// so that a monitor re-checking the same window does not notify twice.
    package var id: String
    package var kind: Kind
    package var severity: Severity
    /// One line, e.g. "Drift detected in 7 of 12 features".
    package var title: String
    /// Free text with the figures behind the alert, one item a line.
    package var details: String
    /// When the alert was raised (wall clock).
    package var createdAt: EventTime

    package init(id: String, kind: Kind, severity: Severity, title: String, details: String, createdAt: EventTime) {
        self.id = id
        self.kind = kind
        self.severity = severity
        self.title = title
        self.details = details
        self.createdAt = createdAt
    }
}
