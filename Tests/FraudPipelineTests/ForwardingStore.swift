import FraudCore

/// A store that hands every call to `base`; test doubles implement only the calls they change.
protocol ForwardingStore: Store {
    var base: any Store { get }
}

extension ForwardingStore {
    func write(_ batch: [ScoredTransaction]) async throws -> Int { try await base.write(batch) }
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
    func sync() throws { try base.sync() }
    func close() async throws { try await base.close() }
}
