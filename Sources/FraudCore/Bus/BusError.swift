/// A bus operation that failed: what, where, and the underlying library's message.
package struct BusError: Error, Hashable, Sendable {
    /// What kind of failure.
    package struct Kind: Hashable, Sendable, CustomStringConvertible {
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
        package static let invalidArgument = Kind(base: .invalidArgument)
        /// The topic does not exist (create it first).
        package static let unknownTopic = Kind(base: .unknownTopic)
        /// A file operation failed.
        package static let io = Kind(base: .io)
        /// Log contents failed their checksum or framing.
        package static let corrupt = Kind(base: .corrupt)
        /// The producer, consumer or bus was closed.
        package static let closed = Kind(base: .closed)
        /// librdkafka reported an error.
        package static let kafka = Kind(base: .kafka)
        /// An operation did not finish in time.
        package static let timeout = Kind(base: .timeout)

        package var description: String { base.rawValue }
    }

    /// The kind of failure.
    package var kind: Kind
    /// What happened, naming the parameter, file or topic involved.
    package var message: String

    /// An error of `kind`.
    package init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }
}

extension BusError: CustomStringConvertible {
    package var description: String { "\(kind): \(message)" }
}
