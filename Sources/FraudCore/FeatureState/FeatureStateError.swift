/// A failure of the feature state: where it is, and what is wrong, in words a user can act on.
public struct FeatureStateError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        /// The store cannot be opened or read (missing server, not a database, permissions).
        case unavailable
        /// A checkpoint exists but cannot be decoded: restoring it would give a wrong state.
        case damaged
        /// A URL or setting is not usable.
        case invalidArgument
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
