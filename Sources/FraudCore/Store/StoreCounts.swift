/// Row counts of the store's main tables.
public struct StoreCounts: Hashable, Sendable, Codable {
    public var transactions: Int
    /// Payments with a confirmed label.
    public var labelled: Int
    public var alerts: Int
    public var quarantined: Int

    public init(transactions: Int, labelled: Int, alerts: Int, quarantined: Int) {
        self.transactions = transactions
        self.labelled = labelled
        self.alerts = alerts
        self.quarantined = quarantined
    }
}
