import FraudCore
import FraudModel
import FraudRuntime
import FraudStore
import Logging
import Metrics
import Synchronization

/// The scorer's per-card feature state, partitioned like its input topic and checkpointed together with the input
/// offsets it reflects, so that every payment is scored as if no restart or rebalance had happened.
///
/// - On assignment (inside the consumer's `poll`) each partition is claimed from the `FeatureStateStore`, its
///   checkpoint restored, and the consumer starts reading at the checkpoint's offset; a partition with no checkpoint
///   is rebuilt from the start of its log.
/// - Each record is applied once: a redelivered one (offset below the partition's next offset) is skipped.
/// - `checkpoint()` writes the cards changed since the last checkpoint and each partition's next offset in one
///   transaction, after the bus made the published output durable and the store the quarantined records.
/// - On revocation the partition is checkpointed, then dropped: the new owner restores it.
/// - Claims and checkpoint writes wait out a database outage (`OutageRetry`) until the scorer is stopped.
final class ScorerFeatureState: PartitionAssignmentListener {
    let store: any FeatureStateStore
    let scope: FeatureStateScope
    private let partitions = Mutex<[Int: PartitionFeatureState]>([:])
    /// When each batch since the last checkpoint was applied, and its size: the freshness the next checkpoint reports.
    private let pending = Mutex<[(applied: ContinuousClock.Instant, count: Int)]>([])
    private let bus: any Bus
    /// Where malformed records are quarantined: synced before a checkpoint covers them.
    private let quarantine: any TransactionWriter
    private let outage: OutageRetry
    private let stop: StopSignal
    private let statistics: PipelineStatistics?
    private let logger: Logger

    init(store: any FeatureStateStore, scope: FeatureStateScope, bus: any Bus, quarantine: any TransactionWriter, outage: OutageRetry, stop: StopSignal,
         statistics: PipelineStatistics?,
         logger: Logger = Logger(label: "fraud.scorer.state")) {
        self.store = store
        self.scope = scope
        self.bus = bus
        self.quarantine = quarantine
        self.outage = outage
        self.stop = stop
        self.statistics = statistics
        self.logger = logger
    }

    func assigned(_ assigned: Set<TopicPartition>) async throws -> [TopicPartition: Int64] {
        var starts: [TopicPartition: Int64] = [:]
        var restored: [String] = []
        let started = ContinuousClock.now
        for partition in assigned.sorted() where partition.topic == scope.topic {
            let claim = try await outage.run("claim partition \(partition.partition) of \(scope)", stop: stop, logger: logger) {
                try await store.claim(scope, partition: partition.partition)
            }
            let state = try PartitionFeatureState(claim: claim, scope: scope)
            starts[partition] = state.nextOffset ?? 0
            partitions.withLock { $0[partition.partition] = state }
            restored.append("\(partition.partition): " + (claim.checkpoint.map { "\($0.cards.count) cards at offset \($0.nextOffset)" }
                                                          ?? "no checkpoint, rebuilt from the log start"))
        }
        let elapsed = ContinuousClock.now - started
        Timer(label: MetricNames.featureStateRestoreLatency).recordNanoseconds(elapsed.nanoseconds)
        logger.info("restored feature state", metadata: [
            "scope": "\(scope)", "partitions": "\(restored.joined(separator: "; "))", "seconds": "\(elapsed.inSeconds)",
        ])
        return starts
    }

    func revoked(_ revoked: Set<TopicPartition>) async {
        let numbers = Set(revoked.filter { $0.topic == scope.topic }.map(\.partition))
        do {
            try await checkpoint(only: numbers)
        } catch {
            logger.warning("could not checkpoint revoked partitions; their new owner replays from the previous checkpoint",
                           metadata: ["partitions": "\(numbers.sorted())", "error": "\(error)"])
        }
        partitions.withLock { state in for number in numbers { state[number] = nil } }
    }

    /// Extracts the features of `payments` (decoded from `records`, `records[i]` for `payments[i]` or `nil` for a
    /// malformed record), applying each record to its partition's state exactly once.
    /// - Returns: the feature matrix and, for each of its rows, the index in `records`; records already applied or of
    ///   partitions this scorer does not hold are left out.
    func extract(_ records: [BusRecord], payments: [Transaction?]) -> (matrix: FeatureMatrix, rows: [Int]) {
        var matrix = FeatureMatrix(columns: FeatureExtractor.columns, capacity: records.count)
        var rows: [Int] = []
        rows.reserveCapacity(records.count)
        partitions.withLock { partitions in
            for (index, record) in records.enumerated() {
                guard record.topic == scope.topic, var state = partitions[record.partition] else { continue }
                switch state.position(of: record.offset) {
                case .applied:
                    continue
                case .gap(let missing):
                    reportGap(missing, partition: record.topicPartition, coldStart: false)
                case .next:
                    if state.nextOffset == nil && record.offset > 0 {
                        reportGap(0...(record.offset - 1), partition: record.topicPartition, coldStart: true)
                    }
                }
                if let payment = payments[index] {
                    matrix.append(payment, extractedBy: &state.extractor)
                    rows.append(index)
                }
                state.applied(offset: record.offset, card: payments[index]?.ccNum)
                partitions[record.partition] = state
            }
        }
        if !rows.isEmpty { pending.withLock { $0.append((ContinuousClock.now, rows.count)) } }
        return (matrix, rows)
    }

    /// Records that can never be applied: the state goes on without them (a cold start when it had no checkpoint).
    private func reportGap(_ missing: ClosedRange<Int64>, partition: TopicPartition, coldStart: Bool) {
        Counter(label: MetricNames.featureStateMissingRecords, dimensions: [("partition", "\(partition.partition)")]).increment(by: missing.count)
        statistics?.featureStateMissed(Int64(missing.count))
        logger.warning(coldStart
                       ? "no feature state for these records, which are no longer in the log: the partition's cards start with empty history (cold start)"
                       : "records missing from the log between the checkpoint and the next record: their cards' history lacks them",
                       metadata: ["partition": "\(partition)", "missing_offsets": "\(missing)"])
    }

    /// Writes the changes since the last checkpoint of every held partition (or of `only` those), after the bus made
    /// the output published so far durable, and the store the records quarantined so far. Partitions claimed meanwhile by another scorer are dropped.
    func checkpoint(only: Set<Int>? = nil) async throws {
        let deltas = partitions.withLock { partitions in
            partitions.keys.sorted().filter { only?.contains($0) ?? true }.compactMap { partitions[$0]?.takeDelta(partition: $0) }
        }
        guard !deltas.isEmpty else { return }
        try await bus.flush()
        try await quarantine.syncInBackground()
        let started = ContinuousClock.now
        let fenced = try await outage.run("checkpoint \(deltas.count) partition(s) of \(scope)", stop: stop, logger: logger) {
            try await store.write(scope, deltas)
        }
        let written = ContinuousClock.now
        let cards = deltas.reduce(0) { $0 + $1.cards.count }
        Timer(label: MetricNames.featureCheckpointLatency).recordNanoseconds((written - started).nanoseconds)
        Counter(label: MetricNames.featureCheckpointCards).increment(by: cards)
        // A checkpoint of some partitions (on revocation) leaves the other partitions' batches waiting for a whole one.
        var batches: [(applied: ContinuousClock.Instant, count: Int)] = []
        if only == nil {
            batches = pending.withLock { pending in
                defer { pending = [] }
                return pending
            }
        }
        let freshness = Timer(label: MetricNames.featureStateFreshness)
        for batch in batches { freshness.recordNanoseconds((written - batch.applied).nanoseconds) }
        statistics?.checkpointed(cards: cards, took: written - started, lags: batches.map { (written - $0.applied, $0.count) })
        guard !fenced.isEmpty else { return }
        partitions.withLock { state in for number in fenced { state[number] = nil } }
        logger.notice("partitions claimed by another scorer; their state is dropped here", metadata: ["partitions": "\(fenced.sorted())"])
    }
}
