import FraudCore

/// Turns payments into feature rows, in event order, updating per-card state as it goes.
///
/// The one feature code path for training, evaluation and live scoring (no training/serving
/// skew). Each row sees only the card's earlier payments plus the payment itself
/// (point-in-time correct), so feed payments in event-time order; a late payment is
/// accepted and only counts the ring entries not after it.
package struct FeatureExtractor: Sendable {
    /// Per-card state; copy it to snapshot, assign it to restore.
    package var state: CardStateStore

    /// What `extract` produces.
    package static var spec: FeatureSpec { FeatureNames.spec }
    /// Columns of the matrices it produces.
    package static let columns = FeatureNames.count

    package init(state: CardStateStore = CardStateStore()) {
        self.state = state
    }

    /// An extractor whose state holds `cards`, as checkpointed (`CardStateCodec`).
    /// - Throws: `ModelError.malformed` naming the card whose state cannot be decoded.
    package init(cards: [CardStateRecord]) throws {
        var state = CardStateStore()
        for card in cards { try CardStateCodec.decode(card.state, card: card.ccNum, into: &state) }
        self.state = state
    }

    /// Features of `batch`, row `i` for `batch[i]`, processed in the batch's order.
    package mutating func extract(_ batch: some Collection<Transaction>) -> FeatureMatrix {
        var matrix = FeatureMatrix(columns: FeatureNames.count, capacity: batch.count)
        for transaction in batch { matrix.append(transaction, extractedBy: &self) }
        return matrix
    }

    /// Writes the features of one payment into `row` (`FeatureNames.count` values) and records the payment.
    package mutating func extract(_ transaction: Transaction, into row: UnsafeMutableBufferPointer<Float>) {
        precondition(row.count == FeatureNames.count, "row must hold \(FeatureNames.count) values")
        StatelessFeatures.write(transaction, into: row)
        let slot = state.slot(for: transaction.ccNum)
        let chunk = slot >> CardStateStore.chunkShift
        state.chunks[chunk].writeAndRecord(slot: slot & (CardStateStore.chunkSize - 1), transaction: transaction, into: row)
    }
}
