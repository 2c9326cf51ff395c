import FraudCore

/// What a pass over a transaction file found: counts, time span, cards, merchants, quarantine.
package struct DatasetSummary: Codable, Hashable, Sendable {
    package var rows = 0
    package var labelledRows = 0
    package var frauds = 0
    package var quarantined = 0
    package var cards = 0
    package var merchants = 0
    package var categories = 0
    package var firstEventTime: String?
    package var lastEventTime: String?

    package init() {}

    /// The fraud share among labelled rows (0 when none are labelled).
    package var fraudRate: Double { labelledRows == 0 ? 0 : Double(frauds) / Double(labelledRows) }

    /// Reads a whole file and summarises it; quarantined rows go to `onQuarantine`.
    package static func of(path: String, onQuarantine: @escaping (QuarantinedRecord) -> Void) throws -> DatasetSummary {
        var summary = DatasetSummary()
        var cards = Set<Int64>()
        var merchants = Set<String>()
        var categories = Set<String>()
        var first: EventTime?
        var last: EventTime?
        var quarantined = 0
        let reader = try TransactionCSVReader(path: path) { record in
            quarantined += 1
            onQuarantine(record)
        }
        while let transaction = try reader.next() {
            summary.rows += 1
            if let label = transaction.label {
                summary.labelledRows += 1
                if label { summary.frauds += 1 }
            }
            cards.insert(transaction.ccNum)
            merchants.insert(transaction.merchant)
            categories.insert(transaction.category)
            first = min(first ?? transaction.eventTime, transaction.eventTime)
            last = max(last ?? transaction.eventTime, transaction.eventTime)
        }
        summary.quarantined = quarantined
        summary.cards = cards.count
        summary.merchants = merchants.count
        summary.categories = categories.count
        summary.firstEventTime = first?.iso
        summary.lastEventTime = last?.iso
        return summary
    }
}
