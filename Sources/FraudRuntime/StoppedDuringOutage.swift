/// A worker was asked to stop while its store call waited for the database: the call was not done.
package struct StoppedDuringOutage: Error, CustomStringConvertible {
    /// The call that waited.
    package var operation: String
    /// Its last failure.
    package var underlying: any Error

    package init(operation: String, underlying: any Error) {
        self.operation = operation
        self.underlying = underlying
    }

    package var description: String { "stopped while the database was unavailable (\(operation) not done): \(underlying)" }
}
