/// Metrics measured on fewer frauds than it takes to trust them (`MetricEvidence.minimumFrauds`).
package struct FraudShortfall: Hashable, Sendable, CustomStringConvertible {
    /// Frauds the metrics were measured on.
    package var frauds: Int
    /// Frauds it takes to trust them.
    package var required: Int

    package init(frauds: Int, required: Int) {
        self.frauds = frauds
        self.required = required
    }

    package var description: String { "measured on \(frauds) fraud\(frauds == 1 ? "" : "s"), fewer than the \(required) it takes to trust it" }
}
