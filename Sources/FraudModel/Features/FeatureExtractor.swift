import FraudCore

/// Turns payments into feature rows, in event order, updating per-card state as it goes.
///
/// The one feature code path for training, evaluation and live scoring (no training/serving
/// skew). Each row sees only the card's earlier payments plus the payment itself
/// (point-in-time correct), so feed payments in event-time order; a late payment is
/// accepted and only counts the ring entries not after it.
public struct FeatureExtractor: Sendable {
    /// Per-card state; copy it to snapshot, assign it to restore.
    public var state: CardStateStore

    /// What `extract` produces.
    public static var spec: FeatureSpec { FeatureNames.spec }

    public init(state: CardStateStore = CardStateStore()) {
        self.state = state
    }

    /// Features of `batch`, row `i` for `batch[i]`, processed in the batch's order.
    public mutating func extract(_ batch: some Collection<Transaction>) -> FeatureMatrix {
        var matrix = FeatureMatrix(columns: FeatureNames.count, capacity: batch.count)
        for transaction in batch {
            let row = matrix.appendMissingRow()
            matrix.values.withUnsafeMutableBufferPointer { values in
                extract(transaction, into: UnsafeMutableBufferPointer(rebasing: values[row * FeatureNames.count..<(row + 1) * FeatureNames.count]))
            }
        }
        return matrix
    }

    /// Writes the features of one payment into `row` (`FeatureNames.count` values) and records the payment.
    public mutating func extract(_ transaction: Transaction, into row: UnsafeMutableBufferPointer<Float>) {
        precondition(row.count == FeatureNames.count, "row must hold \(FeatureNames.count) values")
        StatelessFeatures.write(transaction, into: row)
        let slot = state.slot(for: transaction.ccNum)
        let chunk = slot >> CardStateStore.chunkShift
        state.chunks[chunk].writeAndRecord(slot: slot & (CardStateStore.chunkSize - 1), transaction: transaction, into: row)
    }
}
