import FraudCore
import FraudStore
import Logging

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
