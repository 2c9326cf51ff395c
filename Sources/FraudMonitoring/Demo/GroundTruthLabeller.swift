import FraudCore
import FraudPipeline
import FraudStore
import Logging

/// The demo's analysts: confirms payments with the simulator's ground truth (the `is_fraud` that came with them),
/// written as `true_value` through `Store.label`, once `delayPayments` later payments have been scored, so labels
/// arrive late as they do in practice. Consumes `payments.scored` in its own consumer group.
///
/// Payments the store writer has not stored yet are retried with the next batch; pending labels live in memory
/// (a restarted labeller skips them: acceptable for a demonstration, not for real labels).
public struct GroundTruthLabeller: Sendable {
    public let bus: any Bus
    public let store: any Store
    /// Scored payments seen after a payment before it is labelled.
    public let delayPayments: Int
    public let group: String
    let state: LabellerState

    public init(bus: any Bus, store: any Store, delayPayments: Int, group: String = "demo-labeller",
                logger: Logger = Logger(label: "fraud.demo.labeller")) {
        self.bus = bus
        self.store = store
        self.delayPayments = max(0, delayPayments)
        self.group = group
        state = LabellerState(store: store, delay: max(0, delayPayments), logger: logger)
    }

    /// Labels until `stop` is requested.
    public func run(stop: StopSignal, batches: MicroBatchLoop.Configuration = .init(maxRecords: 1_000, maxWait: .milliseconds(100))) async throws {
        let consumer = try await bus.makeConsumer(group: group, topics: [PaymentMessages.scoredTopic])
        let state = self.state
        try await MicroBatchLoop(consumer: consumer, configuration: batches, stop: stop).run { records in
            try await state.process(records)
        }
    }

    /// Labels written so far.
    public func labelled() async -> Int { await state.labelled }
}

/// The labeller's queue of payments waiting for their label.
actor LabellerState {
    let store: any Store
    let delay: Int
    let logger: Logger
    private var queue: [(transNum: String, isFraud: Bool)] = []
    private var head = 0
    private(set) var labelled = 0

    init(store: any Store, delay: Int, logger: Logger) {
        self.store = store
        self.delay = delay
        self.logger = logger
    }

    func process(_ records: [BusRecord]) async throws {
        for record in records {
            guard let scored = try? PaymentMessages.scoredTransaction(from: record), let truth = scored.transaction.label else { continue }
            queue.append((scored.transaction.transNum, truth))
        }
        let due = queue.count - head - delay
        guard due > 0 else { return }
        let now = WallClock.now
        let batch = Array(queue[head..<head + due])
        head += due
        var updates = batch.map { LabelUpdate(transNum: $0.transNum, isFraud: $0.isFraud, labeledBy: "simulator", labeledAt: now) }
        do {
            try await store.label(updates)
        } catch let error as StoreError {
            guard case .unknownTransactions(let missing) = error.kind else { throw error }
            // Not stored yet (the writer is behind): label the others now, these with a later batch.
            let later = Set(missing)
            updates.removeAll { later.contains($0.transNum) }
            if !updates.isEmpty { try await store.label(updates) }
            queue.append(contentsOf: batch.filter { later.contains($0.transNum) })
        }
        labelled += updates.count
        if head > 100_000 {
            queue.removeFirst(head)
            head = 0
        }
    }
}
