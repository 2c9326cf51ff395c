/// Metrics measured on fewer frauds than it takes to trust them (`MetricEvidence.minimumFrauds`).
public struct FraudShortfall: Hashable, Sendable, CustomStringConvertible {
    /// Frauds the metrics were measured on.
    public var frauds: Int
    /// Frauds it takes to trust them.
    public var required: Int

    public init(frauds: Int, required: Int) {
        self.frauds = frauds
        self.required = required
    }

    public var description: String { "measured on \(frauds) fraud\(frauds == 1 ? "" : "s"), fewer than the \(required) it takes to trust it" }
}
