/// A failure of the feature state: where it is, and what is wrong, in words a user can act on.
package struct FeatureStateError: Error, Hashable, Sendable, CustomStringConvertible {
    package enum Kind: Hashable, Sendable {
        /// The store cannot be opened or read (missing server, not a database, permissions).
        case unavailable
        /// A checkpoint exists but cannot be decoded: restoring it would give a wrong state.
        case damaged
        /// A URL or setting is not usable.
        case invalidArgument
    }

    package var kind: Kind
    package var message: String
    /// The database behind the state could not be reached (its retries ran out): nothing was done, and a long-running
    /// worker waits and tries again.
    package var isOutage: Bool

    package init(_ kind: Kind, _ message: String, isOutage: Bool = false) {
        self.kind = kind
        self.message = message
        self.isOutage = isOutage
    }

    package var description: String { message }
}
