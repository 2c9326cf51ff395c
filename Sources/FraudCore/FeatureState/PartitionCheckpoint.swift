/// A partition's checkpointed feature state: the offset of the next input record it has not applied, and the
/// state of every card of the partition after applying the records before it.
package struct PartitionCheckpoint: Hashable, Sendable {
    /// The first input offset the state does not reflect; a restored scorer starts reading there.
    package var nextOffset: Int64
    /// Every card of the partition with state.
    package var cards: [CardStateRecord]

    package init(nextOffset: Int64, cards: [CardStateRecord]) {
        self.nextOffset = nextOffset
        self.cards = cards
    }
}

/// Ownership of a partition's state, taken by `FeatureStateStore.claim`: writes carrying an older epoch are refused,
/// so a scorer that lost the partition in a rebalance can no longer change it.
package struct PartitionClaim: Hashable, Sendable {
    /// The partition number.
    package var partition: Int
    /// The owner's epoch (1 for the first claim, +1 for each later one).
    package var epoch: Int64
    /// The last checkpoint, or `nil` when the partition has none yet.
    package var checkpoint: PartitionCheckpoint?

    package init(partition: Int, epoch: Int64, checkpoint: PartitionCheckpoint?) {
        self.partition = partition
        self.epoch = epoch
        self.checkpoint = checkpoint
    }
}

/// What one checkpoint changes in one partition: the cards changed since the previous checkpoint, and the new offset.
package struct PartitionDelta: Hashable, Sendable {
    package var partition: Int
    /// The writer's claim epoch; the delta is refused when the partition was claimed since.
    package var epoch: Int64
    /// The first input offset the state does not reflect after this delta.
    package var nextOffset: Int64
    /// Cards whose state changed, with their new state (replacing the stored one).
    package var cards: [CardStateRecord]

    package init(partition: Int, epoch: Int64, nextOffset: Int64, cards: [CardStateRecord]) {
        self.partition = partition
        self.epoch = epoch
        self.nextOffset = nextOffset
        self.cards = cards
    }
}
