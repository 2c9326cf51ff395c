import FraudCore
import FraudModel

/// One partition's card state as the scorer holds it: the extractor, the next input offset it has not applied,
/// the claim it was restored under, and the cards changed since the last checkpoint.
struct PartitionFeatureState: Sendable {
    var extractor: FeatureExtractor
    /// The offset of the next record to apply; `nil` until the first one when the partition had no checkpoint.
    var nextOffset: Int64?
    /// The claim epoch: checkpoints carry it, and are refused once another scorer claimed the partition.
    let epoch: Int64
    /// Cards whose state changed since the last checkpoint.
    var changed: Set<Int64> = []
    /// Whether `nextOffset` moved since the last checkpoint.
    var advanced = false

    /// The state a claim restores (empty when the partition has no checkpoint).
    /// - Throws: `FeatureStateError.damaged` naming the partition when a card's state cannot be decoded.
    init(claim: PartitionClaim, scope: FeatureStateScope) throws {
        epoch = claim.epoch
        nextOffset = claim.checkpoint?.nextOffset
        do {
            extractor = try FeatureExtractor(cards: claim.checkpoint?.cards ?? [])
        } catch {
            throw FeatureStateError(.damaged, "feature state checkpoint of \(scope) partition \(claim.partition): \(error)")
        }
    }

    /// What a record at `offset` is to this state.
    enum Position {
        /// Not applied yet: apply it.
        case next
        /// Applied before (a redelivery after a restart or rebalance): skip it.
        case applied
        /// Records `missing` before it can never be applied (deleted by retention before the state saw them).
        case gap(missing: ClosedRange<Int64>)
    }

    func position(of offset: Int64) -> Position {
        guard let nextOffset else { return .next }
        if offset < nextOffset { return .applied }
        return offset == nextOffset ? .next : .gap(missing: nextOffset...(offset - 1))
    }

    /// Marks the record at `offset` applied (with its card, when it was a payment).
    mutating func applied(offset: Int64, card: Int64?) {
        nextOffset = offset + 1
        advanced = true
        if let card { changed.insert(card) }
    }

    /// The delta since the last checkpoint (nil when nothing changed), and resets the change tracking.
    mutating func takeDelta(partition: Int) -> PartitionDelta? {
        guard advanced, let nextOffset else { return nil }
        let cards = changed.map { card in CardStateRecord(ccNum: card, state: CardStateCodec.encode(card, in: extractor.state)!) }
        changed = []
        advanced = false
        return PartitionDelta(partition: partition, epoch: epoch, nextOffset: nextOffset, cards: cards)
    }
}
