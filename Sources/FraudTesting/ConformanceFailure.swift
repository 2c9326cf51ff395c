/// A conformance check that did not hold, thrown by the `Bus` and `Store` suites.
package struct ConformanceFailure: Error, CustomStringConvertible {
    /// What did not hold.
    package var message: String

    package init(message: String) {
        self.message = message
    }

    package var description: String { message }
}
