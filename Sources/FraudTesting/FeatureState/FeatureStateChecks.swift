import FraudCore

/// The bodies of the `FeatureStateConformance` checks.
package enum FeatureStateChecks {
    static let scope = FeatureStateScope(group: "scorer", topic: "payments.raw")

    static func run(_ check: FeatureStateConformance.Check, _ store: any FeatureStateStore, _ database: FeatureStateConformance.Database) async throws {
        switch check {
        case .firstClaimHasNoCheckpoint: try await firstClaim(store)
        case .writeThenClaimRestoresTheCheckpoint: try await writeThenClaim(store, database)
        case .incrementalWritesReplaceOnlyTheirCards: try await incremental(store)
        case .staleOwnerIsRefusedOthersAreWritten: try await staleOwner(store)
        case .writeOfSeveralPartitionsIsAtomic: try await atomic(store, database)
        case .cardStatesAreTheLatestAcrossPartitions: try await cardStates(store)
        case .cardMovedToAnotherPartitionLeavesTheOld: try await movedCard(store)
        case .offsetsOfCheckpointedPartitions: try await offsets(store)
        case .scopesAreIndependent: try await scopes(store)
        case .largeCheckpointRoundTripsByteExact: try await large(store)
        case .damagedCheckpointIsReported: try await damaged(store, database)
        }
    }

    static func firstClaim(_ store: any FeatureStateStore) async throws {
        let claim = try await store.claim(scope, partition: 0)
        try expectEqual(claim, PartitionClaim(partition: 0, epoch: 1, checkpoint: nil), "first claim of partition 0")
        try expectEqual(try await store.claim(scope, partition: 1).epoch, 1, "first claim of partition 1 (epochs are per partition)")
        try expectEqual(try await store.claim(scope, partition: 0), PartitionClaim(partition: 0, epoch: 2, checkpoint: nil), "second claim, nothing written")
        try expectEqual(try await store.offsets(scope), [:], "offsets of partitions claimed but never written")
    }

    static func writeThenClaim(_ store: any FeatureStateStore, _ database: FeatureStateConformance.Database) async throws {
        let epoch = try await store.claim(scope, partition: 3).epoch
        let cards = states(1...100, version: 1)
        try expectEqual(try await store.write(scope, [PartitionDelta(partition: 3, epoch: epoch, nextOffset: 500, cards: cards)]), [], "refused partitions")
        let expected = PartitionCheckpoint(nextOffset: 500, cards: cards)
        try expectEqual(sorted(try await store.claim(scope, partition: 3)), PartitionClaim(partition: 3, epoch: 2, checkpoint: expected), "claim after a write")
        let reopened = try await database.open()
        let again = try await reopened.claim(scope, partition: 3)
        try await reopened.close()
        try expectEqual(sorted(again), PartitionClaim(partition: 3, epoch: 3, checkpoint: expected), "claim from a store opened again")
    }

    static func incremental(_ store: any FeatureStateStore) async throws {
        let epoch = try await store.claim(scope, partition: 0).epoch
        try await write(store, 0, epoch, offset: 10, states(1...10, version: 1))
        try await write(store, 0, epoch, offset: 20, states(5...15, version: 2))
        try await write(store, 0, epoch, offset: 25, [])
        let checkpoint = try await store.claim(scope, partition: 0).checkpoint
        try expectEqual(checkpoint?.nextOffset, 25, "offset after three writes")
        try expectEqual(checkpoint.map { sorted($0.cards) }, states(1...4, version: 1) + states(5...15, version: 2), "cards after writes replacing some")
    }

    static func staleOwner(_ store: any FeatureStateStore) async throws {
        let old0 = try await store.claim(scope, partition: 0).epoch
        let old1 = try await store.claim(scope, partition: 1).epoch
        try await write(store, 0, old0, offset: 10, states(1...5, version: 1))
        try await write(store, 1, old1, offset: 10, states(11...15, version: 1))
        let new0 = try await store.claim(scope, partition: 0)  // a rebalance gives partition 0 to another scorer
        try expectEqual(new0.checkpoint?.nextOffset, 10, "the new owner's restored offset")
        let refused = try await store.write(scope, [
            PartitionDelta(partition: 0, epoch: old0, nextOffset: 20, cards: states(1...5, version: 2)),
            PartitionDelta(partition: 1, epoch: old1, nextOffset: 20, cards: states(11...15, version: 2)),
        ])
        try expectEqual(refused, [0], "partitions refused to the old owner")
        try expectEqual(try await store.offsets(scope), [0: 10, 1: 20], "offsets after the old owner's write")
        try expectEqual(try await sorted(store.cardStates(scope, cards: [1, 11])), [state(1, version: 1), state(11, version: 2)],
                        "cards of the refused and of the written partition")
        try expectEqual(try await store.write(scope, [PartitionDelta(partition: 0, epoch: new0.epoch, nextOffset: 30, cards: [])]), [],
                        "partitions refused to the new owner")
        let unclaimed = PartitionDelta(partition: 7, epoch: 1, nextOffset: 5, cards: states(70...71, version: 1))
        try expectEqual(try await store.write(scope, [unclaimed]), [7], "partitions refused when never claimed")
        try expectEqual(try await store.offsets(scope), [0: 30, 1: 20], "offsets at the end")
        try expectEqual(try await store.cardStates(scope, cards: [70, 71]), [], "cards of a refused unclaimed partition")
    }

    static func atomic(_ store: any FeatureStateStore, _ database: FeatureStateConformance.Database) async throws {
        let epoch0 = try await store.claim(scope, partition: 0).epoch
        let epoch1 = try await store.claim(scope, partition: 1).epoch
        try await write(store, 0, epoch0, offset: 10, states(1...5, version: 1))
        try await write(store, 1, epoch1, offset: 10, states(11...15, version: 1))
        try await database.failWrites(666)
        do {
            _ = try await store.write(scope, [
                PartitionDelta(partition: 0, epoch: epoch0, nextOffset: 20, cards: states(1...5, version: 2)),
                PartitionDelta(partition: 1, epoch: epoch1, nextOffset: 20, cards: states(11...15, version: 2) + [state(666, version: 1)]),
            ])
            try expect(false, "a write the database failed part-way returned")
        } catch is FeatureStateError {}
        try expectEqual(try await store.offsets(scope), [0: 10, 1: 10], "offsets after a failed write")
        try expectEqual(try await sorted(store.cardStates(scope, cards: [1, 5, 11, 15, 666])), states([1, 5, 11, 15], version: 1),
                        "cards after a failed write")
        try await write(store, 0, epoch0, offset: 20, states(1...5, version: 2))
        try expectEqual(try await store.offsets(scope), [0: 20, 1: 10], "offsets after a write following the failed one")
    }

    static func cardStates(_ store: any FeatureStateStore) async throws {
        for partition in 0..<3 { _ = try await store.claim(scope, partition: partition) }
        try await write(store, 0, 1, offset: 10, states(1...2, version: 1))
        try await write(store, 1, 1, offset: 10, states(3...3, version: 1))
        try await write(store, 0, 1, offset: 20, states(2...2, version: 2))
        let found = try await store.cardStates(scope, cards: [2, 3, 99, 1, 2])
        try expectEqual(sorted(found), [state(1, version: 1), state(2, version: 2), state(3, version: 1)], "states of cards 2, 3, 99, 1, 2")
        try expectEqual(try await store.cardStates(scope, cards: [99]), [], "states of an unknown card")
        try expectEqual(try await store.cardStates(scope, cards: []), [], "states of no cards")
    }

    /// After the partition count changed, a card's state is written under its new partition: the old one no longer has it.
    static func movedCard(_ store: any FeatureStateStore) async throws {
        for partition in 0..<2 { _ = try await store.claim(scope, partition: partition) }
        try await write(store, 0, 1, offset: 10, states(1...3, version: 1))
        try await write(store, 1, 1, offset: 10, states(2...2, version: 2))
        try expectEqual(try await store.cardStates(scope, cards: [2]), [state(2, version: 2)], "the moved card's state")
        try expectEqual(try await store.claim(scope, partition: 0).checkpoint.map { sorted($0.cards) }, [state(1, version: 1), state(3, version: 1)],
                        "the old partition without the moved card")
        try expectEqual(try await store.claim(scope, partition: 1).checkpoint?.cards, [state(2, version: 2)], "the new partition with it")
    }

    static func offsets(_ store: any FeatureStateStore) async throws {
        try expectEqual(try await store.offsets(scope), [:], "offsets of an empty store")
        for partition in 0..<4 { _ = try await store.claim(scope, partition: partition) }
        try await write(store, 0, 1, offset: 10, [])
        try await write(store, 2, 1, offset: 30, states(1...1, version: 1))
        try expectEqual(try await store.offsets(scope), [0: 10, 2: 30], "offsets of partitions 0 and 2")
        try await write(store, 0, 1, offset: 40, [])
        try expectEqual(try await store.offsets(scope), [0: 40, 2: 30], "offsets after partition 0 moved on")
    }

    static func scopes(_ store: any FeatureStateStore) async throws {
        let a = scope
        let b = FeatureStateScope(group: "scorer-b", topic: a.topic)
        let c = FeatureStateScope(group: a.group, topic: "payments.other")
        _ = try await store.claim(a, partition: 0)
        try expectEqual(try await store.claim(a, partition: 0).epoch, 2, "second claim in scope a")
        try expectEqual(try await store.claim(b, partition: 0).epoch, 1, "first claim in scope b")
        try expectEqual(try await store.write(a, [PartitionDelta(partition: 0, epoch: 2, nextOffset: 10, cards: [state(1, version: 1)])]), [], "refused in a")
        try expectEqual(try await store.write(b, [PartitionDelta(partition: 0, epoch: 1, nextOffset: 20, cards: [state(1, version: 2)])]), [], "refused in b")
        try expectEqual(try await store.write(a, [PartitionDelta(partition: 0, epoch: 1, nextOffset: 30, cards: [])]), [0],
                        "refused in a at b's epoch")
        try expectEqual(try await store.offsets(a), [0: 10], "offsets of a")
        try expectEqual(try await store.offsets(b), [0: 20], "offsets of b")
        try expectEqual(try await store.offsets(c), [:], "offsets of c")
        try expectEqual(try await store.cardStates(a, cards: [1]), [state(1, version: 1)], "card 1 in a")
        try expectEqual(try await store.cardStates(b, cards: [1]), [state(1, version: 2)], "card 1 in b")
        try expectEqual(try await store.cardStates(c, cards: [1]), [], "card 1 in c")
        try expectEqual(try await store.claim(c, partition: 0), PartitionClaim(partition: 0, epoch: 1, checkpoint: nil), "first claim in c")
    }

    static func large(_ store: any FeatureStateStore) async throws {
        let epoch = try await store.claim(scope, partition: 5).epoch
        var cards = states(1...20_000, version: 1)
        cards[0].state = [UInt8](repeating: 0, count: 150)
        cards[1].state = [UInt8](repeating: 0xFF, count: 660)
        cards[2].state = [0]
        try await write(store, 5, epoch, offset: 1_000_000, cards)
        let checkpoint = try await store.claim(scope, partition: 5).checkpoint
        try expectEqual(checkpoint?.nextOffset, 1_000_000, "offset of the large checkpoint")
        try expect(checkpoint.map { sorted($0.cards) } == cards, "the 20,000 cards read back differ from those written (\(checkpoint?.cards.count ?? 0) read)")
        let sample = stride(from: 0, to: cards.count, by: 97).map { cards[$0] }
        try expect(try await sorted(store.cardStates(scope, cards: sample.map(\.ccNum))) == sample, "a sample of the 20,000 cards read one by one")
    }

    static func damaged(_ store: any FeatureStateStore, _ database: FeatureStateConformance.Database) async throws {
        let epoch = try await store.claim(scope, partition: 0).epoch
        try await write(store, 0, epoch, offset: 10, states(1...3, version: 1))
        try await database.execute("UPDATE feature_partitions SET next_offset = -1")
        try await expectDamaged("claim of a partition whose offset is negative") { _ = try await store.claim(scope, partition: 0) }
        try await expectDamaged("offsets with one negative") { _ = try await store.offsets(scope) }
        try await database.execute("UPDATE feature_partitions SET next_offset = NULL")
        try await expectDamaged("claim of a partition with cards and no offset") { _ = try await store.claim(scope, partition: 0) }
    }

    // MARK: Fixtures

    /// Card `ccNum`'s state at `version`: 150-660 bytes of every value, different for each card and version.
    static func state(_ ccNum: Int64, version: Int) -> CardStateRecord {
        var random = SplitMix64(seed: SplitMix64.mix(UInt64(bitPattern: ccNum)) &+ UInt64(version))
        let count = 150 + Int(random.next() % 511)
        return CardStateRecord(ccNum: ccNum, state: (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) })
    }

    static func states(_ cards: some Sequence<Int64>, version: Int) -> [CardStateRecord] {
        cards.map { state($0, version: version) }
    }

    static func write(_ store: any FeatureStateStore, _ partition: Int, _ epoch: Int64, offset: Int64, _ cards: [CardStateRecord], line: Int = #line) async throws {
        let refused = try await store.write(scope, [PartitionDelta(partition: partition, epoch: epoch, nextOffset: offset, cards: cards)])
        try expectEqual(refused, [], "partitions refused to the owner of partition \(partition) at epoch \(epoch)", line: line)
    }

    static func sorted(_ cards: [CardStateRecord]) -> [CardStateRecord] {
        cards.sorted { $0.ccNum < $1.ccNum }
    }

    /// `claim` with its checkpoint's cards in card order (the order of a partition's cards is not specified).
    static func sorted(_ claim: PartitionClaim) -> PartitionClaim {
        var claim = claim
        claim.checkpoint?.cards.sort { $0.ccNum < $1.ccNum }
        return claim
    }

    static func expectDamaged(_ what: String, line: Int = #line, _ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as FeatureStateError {
            try expectEqual(error.kind, .damaged, "kind of the error of the \(what) (\(error))", line: line)
            try expect(error.message.contains("partition 0"), "the error of the \(what) names the partition: \(error)", line: line)
            return
        }
        try expect(false, "\(what): no error", line: line)
    }
}
