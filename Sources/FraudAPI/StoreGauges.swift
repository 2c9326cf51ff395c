import FraudCore
import FraudRuntime
import FraudStore
import Metrics

/// Refreshes, at each `/metrics` scrape, the gauges that come from the store: row counts, the last minute's
/// throughput and fraud rate, and which model version is champion (so they hold in every deployment mode).
actor StoreGauges {
    private let store: any FraudDatabase
    private let clock: @Sendable () -> EventTime
    private var champion: String?

    init(store: any FraudDatabase, clock: @escaping @Sendable () -> EventTime) {
        self.store = store
        self.clock = clock
    }

    func refresh() async throws {
        let counts = try await store.counts()
        Gauge(label: MetricNames.storedPayments).record(counts.transactions)
        Gauge(label: MetricNames.storedLabelled).record(counts.labelled)
        Gauge(label: MetricNames.storedAlerts).record(counts.alerts)
        Gauge(label: MetricNames.storedQuarantined).record(counts.quarantined)
        let now = clock()
        let minute = try await store.activity(since: now.adding(seconds: -60), until: now)
        Gauge(label: MetricNames.recentThroughput).record(minute.paymentsPerSecond)
        Gauge(label: MetricNames.recentFraudRate).record(minute.fraudRate ?? 0)
        let current = try await store.alias(AliasRecord.champion)?.version
        if let previous = champion, previous != current {
            Gauge(label: MetricNames.modelVersion, dimensions: [("version", previous)]).record(0)
        }
        if let current { Gauge(label: MetricNames.modelVersion, dimensions: [("version", current)]).record(1) }
        champion = current
    }
}
