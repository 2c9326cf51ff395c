/// A bus operation that failed: what, where, and the underlying library's message.
public struct BusError: Error, Hashable, Sendable {
    /// What kind of failure.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        fileprivate enum Base: String, Hashable, Sendable {
            case invalidArgument = "invalid argument"
            case unknownTopic = "unknown topic"
            case io = "I/O error"
            case corrupt = "corrupt log"
            case closed = "closed"
            case kafka = "Kafka error"
            case timeout = "timed out"
        }
        fileprivate let base: Base

        /// A parameter was out of range or malformed (the message names it).
        public static let invalidArgument = Kind(base: .invalidArgument)
        /// The topic does not exist (create it first).
        public static let unknownTopic = Kind(base: .unknownTopic)
        /// A file operation failed.
        public static let io = Kind(base: .io)
        /// Log contents failed their checksum or framing.
        public static let corrupt = Kind(base: .corrupt)
        /// The producer, consumer or bus was closed.
        public static let closed = Kind(base: .closed)
        /// librdkafka reported an error.
        public static let kafka = Kind(base: .kafka)
        /// An operation did not finish in time.
        public static let timeout = Kind(base: .timeout)

        public var description: String { base.rawValue }
    }

    /// The kind of failure.
    public var kind: Kind
    /// What happened, naming the parameter, file or topic involved.
    public var message: String

    /// An error of `kind`.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }
}

extension BusError: CustomStringConvertible {
    public var description: String { "\(kind): \(message)" }
}
