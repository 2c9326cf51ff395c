import FraudCore
import FraudRuntime
import FraudStore
import Logging
import Metrics

extension TransactionWriter {
    /// Quarantines the malformed `records` consumed from `source`, waiting out a database outage until `stop`, and
    /// counts them (`MetricNames.quarantined`, and `statistics` when given). Does nothing when there are none.
    func quarantine(_ records: [QuarantinedRecord], from source: String, outage: OutageRetry, stop: StopSignal, logger: Logger,
                    statistics: PipelineStatistics?) async throws {
        guard !records.isEmpty else { return }
        try await outage.run("quarantine \(records.count) records", stop: stop, logger: logger) {
            try await quarantine(records)
        }
        Counter(label: MetricNames.quarantined, dimensions: [("source", source)]).increment(by: records.count)
        statistics?.quarantined(records.count)
    }
}
