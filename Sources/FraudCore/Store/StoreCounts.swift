/// Row counts of the store's main tables.
package struct StoreCounts: Hashable, Sendable, Codable {
    package var transactions: Int
    /// Payments with a confirmed label.
    package var labelled: Int
    package var alerts: Int
    package var quarantined: Int

    package init(transactions: Int, labelled: Int, alerts: Int, quarantined: Int) {
        self.transactions = transactions
        self.labelled = labelled
        self.alerts = alerts
        self.quarantined = quarantined
    }
}
