import FraudCore
import FraudData

/// Writes the retraining set "original training data + validated labels" as one fraudTest-format CSV.
///
/// The label rule (never the system's own prediction):
/// 1. Rows of the original files keep their `is_fraud`, unless an analyst confirmed the same `trans_num` in the
///    store: then `true_value` replaces it (a correction).
/// 2. Stored payments with a `true_value` are appended with `is_fraud = true_value`.
/// 3. Stored payments without `true_value` are left out, unless `includeSourceLabels` is set: then those that
///    arrived with a label (`source_label`, e.g. the simulator's `is_fraud`) are appended with that label.
/// `prediction` is never written as a label.
package enum TrainingExport {
    /// What was written.
    package struct Summary: Hashable, Sendable, Codable {
        /// Rows copied from the original files.
        package var originalRows = 0
        /// Original rows whose label was replaced by a confirmed `true_value`.
        package var correctedLabels = 0
        /// Stored payments appended with their `true_value`.
        package var confirmedRows = 0
        /// Stored payments appended with their `source_label` (only with `includeSourceLabels`).
        package var sourceLabelRows = 0
        /// Stored payments left out for having no usable label.
        package var unlabelledSkipped = 0

        /// Every row written.
        package var rows: Int { originalRows + confirmedRows + sourceLabelRows }

        enum CodingKeys: String, CodingKey {
            case originalRows = "original_rows", correctedLabels = "corrected_labels", confirmedRows = "confirmed_rows"
            case sourceLabelRows = "source_label_rows", unlabelledSkipped = "unlabelled_skipped"
        }
    }

    /// Writes `originals` (fraudTest-format files, plain or gzip) followed by the stored labelled payments to `path`.
    package static func write(originals: [String], store: any TransactionQueries, includeSourceLabels: Bool = false, to path: String) async throws -> Summary {
        var summary = Summary()
        var stored: [String: (transaction: Transaction, confirmed: Bool)] = [:]
        var order: [String] = []
        var query = TransactionQuery(label: includeSourceLabels ? .any : .labelled, limit: 10_000)
        while true {
            let page = try await store.transactions(query)
            for row in page.rows {
                var transaction = row.scored.transaction
                if let confirmed = row.trueValue {
                    transaction.label = confirmed
                } else if transaction.label == nil {
                    summary.unlabelledSkipped += 1
                    continue
                }
                transaction.rowIndex = nil
                stored[row.transNum] = (transaction, row.trueValue != nil)
                order.append(row.transNum)
            }
            guard let next = page.nextCursor else { break }
            query.cursor = next
        }
        let writer = try TransactionCSVWriter(path: path)
        for original in originals {
            let reader = try TransactionCSVReader(path: original)
            while var transaction = try reader.next() {
                if let match = stored.removeValue(forKey: transaction.transNum), match.confirmed {
                    if transaction.label != match.transaction.label { summary.correctedLabels += 1 }
                    transaction.label = match.transaction.label
                }
                try writer.write(transaction)
                summary.originalRows += 1
            }
        }
        // Pages came newest first; append oldest first.
        for transNum in order.reversed() {
            guard let match = stored[transNum] else { continue }
            try writer.write(match.transaction)
            if match.confirmed { summary.confirmedRows += 1 } else { summary.sourceLabelRows += 1 }
        }
        try writer.flush()
        return summary
    }
}
