/// A conformance check that did not hold, thrown by the `Bus` and `Store` suites.
public struct ConformanceFailure: Error, CustomStringConvertible {
    /// What did not hold.
    public var message: String

    public init(message: String) {
        self.message = message
    }

    public var description: String { message }
}
