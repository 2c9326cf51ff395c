import FraudCore
import Synchronization

/// A store whose writes take at least `delay` each (a deliberately slow sink), forwarding everything to `base`;
/// it can also hold writes until released, to catch a worker mid-batch.
final class SlowStore: Store {
    let base: any Store
    let delay: Duration
    private let gate = Mutex<(held: Bool, waiting: [CheckedContinuation<Void, Never>], entered: Int)>((false, [], 0))

    init(base: any Store, delay: Duration) {
        self.base = base
        self.delay = delay
    }

    /// Makes later writes wait until `release()`.
    func hold() { gate.withLock { $0.held = true } }

    /// Lets held writes go on.
    func release() {
        let waiting = gate.withLock { state in
            state.held = false
            defer { state.waiting = [] }
            return state.waiting
        }
        for continuation in waiting { continuation.resume() }
    }

    /// Writes started so far.
    var writesEntered: Int { gate.withLock { $0.entered } }

    func write(_ batch: [ScoredTransaction]) async throws -> Int {
        await withCheckedContinuation { continuation in
            let resumeNow = gate.withLock { state -> Bool in
                state.entered += 1
                if state.held { state.waiting.append(continuation) }
                return !state.held
            }
            if resumeNow { continuation.resume() }
        }
        try await Task.sleep(for: delay)
        return try await base.write(batch)
    }

    func record(_ alerts: [AlertRecord]) async throws -> Int { try await base.record(alerts) }
    func quarantine(_ records: [QuarantinedRecord]) async throws -> Int { try await base.quarantine(records) }
    func label(_ updates: [LabelUpdate]) async throws { try await base.label(updates) }
    func transactions(_ query: TransactionQuery) async throws -> TransactionPage { try await base.transactions(query) }
    func alerts(_ query: AlertQuery) async throws -> [AlertRecord] { try await base.alerts(query) }
    func quarantined(limit: Int) async throws -> [QuarantinedRecord] { try await base.quarantined(limit: limit) }
    func labelled(after watermark: LabelWatermark?, limit: Int) async throws -> [StoredTransaction] {
        try await base.labelled(after: watermark, limit: limit)
    }
    func counts() async throws -> StoreCounts { try await base.counts() }
    func save(_ report: DriftReportRecord) async throws { try await base.save(report) }
    func driftReports(limit: Int) async throws -> [DriftReportRecord] { try await base.driftReports(limit: limit) }
    func activity(since: EventTime, until: EventTime) async throws -> ScoringActivity {
        try await base.activity(since: since, until: until)
    }
    func labelledOutcomes(since: EventTime?) async throws -> LabelledOutcomes { try await base.labelledOutcomes(since: since) }
    func close() async throws { try await base.close() }
}
