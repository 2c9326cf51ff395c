import FraudCore
import FraudData

/// Payments replayed in event-time order through a `FeatureExtractor`, with labels and the columns evaluation needs.
package struct LabelledFeatures: Sendable {
    package var matrix: FeatureMatrix
    package var labels: [Bool]
    /// Day number (days since 1970) of each row, for precision@k.
    package var days: [Int32]
    package var cards: [Int64]
    package var amounts: [Double]
    package var times: [EventTime]

    /// Sorts `transactions` by event time (stable) and extracts their features with `extractor`.
    /// Unlabelled payments update the state but are left out of the rows.
    package init(transactions: [Transaction], extractor: inout FeatureExtractor, progress: (Int, Int) -> Void = { _, _ in }) {
        let ordered = transactions.enumerated().sorted { ($0.element.eventTime, $0.offset) < ($1.element.eventTime, $1.offset) }.map(\.element)
        matrix = FeatureMatrix(columns: FeatureNames.count, capacity: ordered.count)
        (labels, days, cards, amounts, times) = ([], [], [], [], [])
        var scratch = [Float](repeating: 0, count: FeatureNames.count)
        for (index, transaction) in ordered.enumerated() {
            scratch.withUnsafeMutableBufferPointer { extractor.extract(transaction, into: $0) }
            if index % 100_000 == 0 { progress(index, ordered.count) }
            guard let label = transaction.label else { continue }
            matrix.appendRow(scratch)
            labels.append(label)
            days.append(transaction.eventTime.date.daysSinceEpoch)
            cards.append(transaction.ccNum)
            amounts.append(transaction.amount)
            times.append(transaction.eventTime)
        }
        progress(ordered.count, ordered.count)
    }

    private init(matrix: FeatureMatrix, labels: [Bool], days: [Int32], cards: [Int64], amounts: [Double], times: [EventTime]) {
        (self.matrix, self.labels, self.days, self.cards, self.amounts, self.times) = (matrix, labels, days, cards, amounts, times)
    }

    package var count: Int { labels.count }

    /// Rows `range` (in time order).
    package func slice(_ range: Range<Int>) -> LabelledFeatures {
        LabelledFeatures(matrix: matrix.rows(range), labels: Array(labels[range]), days: Array(days[range]),
                         cards: Array(cards[range]), amounts: Array(amounts[range]), times: Array(times[range]))
    }

    /// Reads every file (plain or gzip CSV) into memory.
    package static func readTransactions(paths: [String]) throws -> [Transaction] {
        var all: [Transaction] = []
        for path in paths { all += try TransactionCSVReader(path: path, onQuarantine: { _ in }).readAll() }
        return all
    }
}
