import FraudCore
import FraudRuntime
import Histogram
import Synchronization

/// Live figures of an in-process pipeline, for `fraud demo`'s one-line summary, `fraud replay` and the
/// benchmarks: payments scored, frauds predicted, rows stored, and HdrHistograms of the latency from
/// ingestion (the raw record's timestamp) to scoring and to storage, in microseconds.
///
/// Metrics for Prometheus go through swift-metrics (`MetricNames`); this is what the process itself reads back.
package final class PipelineStatistics: Sendable {
    /// A copy of the figures at one moment.
    package struct Snapshot: Sendable {
        /// Payments scored since start.
        package var scored: Int
        /// Payments predicted fraud since start.
        package var frauds: Int
        /// Rows newly written to the store since start.
        package var stored: Int
        /// Scored payments handed to the store since start (new or already stored).
        package var written: Int
        /// Records quarantined since start.
        package var quarantined: Int
        /// Ingestion to end of scoring, microseconds.
        package var scoringLatency: Histogram<UInt64>
        /// Ingestion to committed in the store, microseconds.
        package var endToEndLatency: Histogram<UInt64>
        /// Feature-state checkpoints written, the card states they wrote and the time they took.
        package var checkpoints = 0
        package var checkpointedCards = 0
        package var checkpointTime = Duration.zero
        /// Input records the feature state could never apply: gone from the log before the scorer saw them.
        package var featureStateMissingRecords: Int64 = 0
        /// From a payment's features being computed to the checkpoint that makes its card readable online, microseconds.
        package var featureStateLag: Histogram<UInt64>
    }

    private let state: Mutex<Snapshot>

    /// Empty statistics.
    package init() {
        state = Mutex(Snapshot(scored: 0, frauds: 0, stored: 0, written: 0, quarantined: 0,
                               scoringLatency: Self.histogram(), endToEndLatency: Self.histogram(),
                               featureStateLag: Self.histogram()))
    }

    /// Latencies from 1 µs to 10 minutes with 3 significant digits.
    static func histogram() -> Histogram<UInt64> {
        var histogram = Histogram<UInt64>(lowestDiscernibleValue: 1, highestTrackableValue: 600_000_000, numberOfSignificantValueDigits: .three)
        histogram.autoResize = true
        return histogram
    }

    /// The figures now.
    package var snapshot: Snapshot { state.withLock { $0 } }

    /// Takes the figures and resets the latency histograms (counters keep counting), for per-interval percentiles.
    package func takeInterval() -> Snapshot {
        state.withLock { state in
            let copy = state
            state.scoringLatency.reset()
            state.endToEndLatency.reset()
            state.featureStateLag.reset()
            return copy
        }
    }

    /// Records a scored batch: `latencies` in microseconds, one per payment.
    package func scored(count: Int, frauds: Int, latencies: [UInt64]) {
        state.withLock { state in
            state.scored += count
            state.frauds += frauds
            for latency in latencies { _ = state.scoringLatency.record(max(1, latency)) }
        }
    }

    /// Records a stored batch: `new` rows were new; `latencies` in microseconds, one per payment.
    package func stored(written: Int, new: Int, latencies: [UInt64]) {
        state.withLock { state in
            state.written += written
            state.stored += new
            for latency in latencies { _ = state.endToEndLatency.record(max(1, latency)) }
        }
    }

    /// Records a feature-state checkpoint: `lags` are, per batch it covers, the time since the batch was applied
    /// and its payments.
    package func checkpointed(cards: Int, took: Duration, lags: [(Duration, Int)]) {
        state.withLock { state in
            state.checkpoints += 1
            state.checkpointedCards += cards
            state.checkpointTime += took
            for (lag, count) in lags { _ = state.featureStateLag.record(max(1, UInt64(max(0, lag.nanoseconds / 1000))), count: UInt64(count)) }
        }
    }

    /// Records input records the feature state could never apply.
    package func featureStateMissed(_ records: Int64) {
        state.withLock { $0.featureStateMissingRecords += records }
    }

    /// Records quarantined records.
    package func quarantined(_ count: Int) {
        state.withLock { $0.quarantined += count }
    }
}
