import Dispatch

/// Where scored payments, labels, alerts, quarantined records and drift reports are kept: every role below, and `close`.
///
/// Implementations (SQLite, PostgreSQL) pass the same conformance suite (`FraudTesting`).
/// Every write is idempotent: redelivering a batch changes nothing. A call that returns has been
/// committed; a write that could not be done throws and is never reported as done.
///
/// Callers take the narrowest role they use: the pipeline's workers and sources a `TransactionWriter`, the training
/// export a `TransactionQueries`; the API, the monitor and the retrainer, which use several, the whole store.
///
/// Power loss: labels and registry writes survive it once they return. The streaming writes (`write`, `record`,
/// `quarantine`, `save`) may be synced lazily (SQLite); their workers call `sync()` before the progress that covers
/// them (a consumer's offsets, a feature-state checkpoint) becomes durable.
package protocol Store: TransactionWriter, TransactionQueries, LabelStore, ReportStore {
    /// Releases connections; the store is unusable afterwards.
    func close() async throws
}

/// The pipeline's writes: scored payments (the writer), alerts (the alerter) and records that could not be accepted
/// (every worker and source), and the sync that makes them survive a power cut.
package protocol TransactionWriter: Sendable {
    /// Inserts scored payments in one statement; rows whose `trans_num` is already stored are left unchanged.
    /// - Returns: how many rows were new.
    @discardableResult
    func write(_ batch: [ScoredTransaction]) async throws -> Int

    /// Records alerts; an alert whose `trans_num` is already stored is left unchanged.
    /// - Returns: how many alerts were new.
    @discardableResult
    func record(_ alerts: [AlertRecord]) async throws -> Int

    /// Keeps records that could not be accepted; a record already kept (same source and position) is left unchanged.
    /// - Returns: how many records were new.
    @discardableResult
    func quarantine(_ records: [QuarantinedRecord]) async throws -> Int

    /// Makes every write committed so far survive a power cut, blocking the calling thread until it does (run it off
    /// the cooperative pool, as the buses do, or through `syncInBackground()`). A no-op where every commit is durable
    /// by itself (PostgreSQL).
    func sync() throws
}

extension TransactionWriter {
    /// `sync()` on a thread outside the cooperative pool, awaited.
    package func syncInBackground() async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            DispatchQueue.global().async { continuation.resume(with: Result { try self.sync() }) }
        }
    }
}

/// Reading what was stored: payments, alerts, quarantined records and row counts.
package protocol TransactionQueries: Sendable {
    /// Stored payments matching `query`, newest event time first, one page at a time.
    func transactions(_ query: TransactionQuery) async throws -> TransactionPage

    /// Stored alerts matching `query`, newest first.
    func alerts(_ query: AlertQuery) async throws -> [AlertRecord]

    /// The most recently received quarantined records.
    func quarantined(limit: Int) async throws -> [QuarantinedRecord]

    /// Row counts of the main tables.
    func counts() async throws -> StoreCounts
}

/// Confirmed labels (`true_value`): set by analysts and the label feed, read in label order by the monitor.
package protocol LabelStore: Sendable {
    /// Sets `true_value` (with who and when) on stored payments, all or nothing.
    /// - Throws: `StoreError.unknownTransactions` naming the `trans_num`s that are not stored (nothing is changed).
    func label(_ updates: [LabelUpdate]) async throws

    /// Payments labelled (`true_value` set) after `watermark`, oldest label first; pass the last row's
    /// `labelWatermark` to continue.
    func labelled(after watermark: LabelWatermark?, limit: Int) async throws -> [StoredTransaction]
}

extension LabelStore {
    /// Labels one payment.
    package func label(transNum: String, isFraud: Bool, by: String, at: EventTime) async throws {
        try await label([LabelUpdate(transNum: transNum, isFraud: isFraud, labeledBy: by, labeledAt: at)])
    }
}

/// The model-health reports: drift reports saved by the monitor, and the activity and performance figures computed
/// from scored and labelled payments (`/v1/reports/*`).
package protocol ReportStore: Sendable {
    /// Saves a drift report.
    func save(_ report: DriftReportRecord) async throws

    /// The latest drift reports, newest first.
    func driftReports(limit: Int) async throws -> [DriftReportRecord]

    /// Payments scored (wall clock, `scored_at`) in `since..<until`: how many, how many predicted fraud, and the
    /// median and 99th percentile of their `latency_ms`.
    func activity(since: EventTime, until: EventTime) async throws -> ScoringActivity

    /// Predictions against confirmed labels of the payments labelled at or after `since` (all labelled payments when nil).
    func labelledOutcomes(since: EventTime?) async throws -> LabelledOutcomes
}
