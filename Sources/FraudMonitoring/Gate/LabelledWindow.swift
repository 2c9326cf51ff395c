import FraudCore
import FraudModel
import FraudStore

/// The labelled payments of an evaluation window with their features, computed once so that every model judged
/// on the window sees exactly the same rows.
///
/// Labels are the analysts' `true_value` only (never a prediction, never the `is_fraud` that came with a payment).
/// Features are point-in-time correct: the window's labelled payments are replayed in event-time order through a
/// fresh `FeatureExtractor`, together with every stored payment of the `lookbackSeconds` before the first of them
/// and the unlabelled ones in between, which warm the per-card state but are not rows.
package struct LabelledWindow: Sendable {
    /// The window as requested.
    package let window: EvaluationWindow
    /// The labelled rows, in event-time order.
    package let features: LabelledFeatures
    /// Frauds among the rows.
    package var frauds: Int { features.labels.filter { $0 }.count }
    /// Rows.
    package var rows: Int { features.count }
    /// The `trans_num`s of the rows (the retrainer holds their labels out of training).
    package let transNums: Set<String>

    /// Wraps rows already extracted.
    package init(window: EvaluationWindow, features: LabelledFeatures, transNums: Set<String>) {
        self.window = window
        self.features = features
        self.transNums = transNums
    }

    /// Reads the window from `store`.
    /// - Parameters:
    ///   - window: event-time range `[from, to)` of the labelled payments and the most recent `maxRows` of them.
    ///   - lookbackSeconds: history replayed before the first labelled payment (default 7 days, the longest card window).
    ///   - maxContextRows: most stored payments read for the replay (the most recent are kept).
    package static func load(store: any TransactionQueries, window: EvaluationWindow, lookbackSeconds: Int64 = 7 * 86_400,
                            maxContextRows: Int = 500_000) async throws -> LabelledWindow {
        var labelled: [StoredTransaction] = []
        var query = TransactionQuery(from: window.from, to: window.to, label: .labelled, limit: 10_000)
        pages: while true {
            let page = try await store.transactions(query)
            for row in page.rows {
                if let maxRows = window.maxRows, labelled.count >= maxRows { break pages }
                labelled.append(row)
            }
            guard let next = page.nextCursor else { break }
            query.cursor = next
        }
        guard let first = labelled.map(\.scored.transaction.eventTime).min(),
              let last = labelled.map(\.scored.transaction.eventTime).max() else {
            var empty = FeatureExtractor()
            return LabelledWindow(window: window, features: LabelledFeatures(transactions: [], extractor: &empty), transNums: [])
        }
        let labels = Dictionary(labelled.map { ($0.transNum, $0.trueValue) }, uniquingKeysWith: { first, _ in first })
        var replay: [Transaction] = []
        var context = TransactionQuery(from: first.adding(seconds: -lookbackSeconds), to: last.adding(seconds: 1), limit: 10_000)
        while replay.count < maxContextRows {
            let page = try await store.transactions(context)
            for row in page.rows {
                var transaction = row.scored.transaction
                // Only a confirmed label makes a row; the label that came with the payment is not used.
                transaction.label = labels[row.transNum] ?? nil
                replay.append(transaction)
            }
            guard let next = page.nextCursor else { break }
            context.cursor = next
        }
        var extractor = FeatureExtractor()
        return LabelledWindow(window: window, features: LabelledFeatures(transactions: replay, extractor: &extractor),
                              transNums: Set(labels.keys))
    }
}
