import FraudBus
import FraudCore

/// Where the scorers' feature state lives when nothing else is said: beside the embedded bus's offsets (one
/// process, one directory), or in the database every process of a distributed deployment shares.
package enum FeatureStateLocation {
    /// The file name of the embedded bus's feature state, in the bus directory.
    package static let embeddedFile = "feature-state.sqlite"

    /// `sqlite:<bus directory>/feature-state.sqlite` for the embedded bus, else `database`.
    package static func defaultURL(bus: any Bus, database: String) -> String {
        (bus as? EmbeddedBus).map(embeddedURL) ?? database
    }

    /// The embedded bus's feature-state URL.
    package static func embeddedURL(_ bus: EmbeddedBus) -> String {
        "sqlite:\(bus.path)/\(embeddedFile)"
    }
}
