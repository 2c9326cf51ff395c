import FraudCore
import FraudDrift
import FraudModel

/// The sliding window of recent scored payments: replays them through the monitor's own `FeatureExtractor` (the same
/// feature code as training and scoring) and, every `checkEvery` payments once full, tests it against the reference
/// reweighted to the window's hour-of-day mix (`HourMatchedReference`).
package struct DriftWindow: Sendable {
    /// One payment in the window.
    struct Row: Sendable {
        var transaction: Transaction
        var features: [Float]
        var score: Double
        var prediction: Bool
        var latencyMs: Double
        var modelVersion: String
    }

    /// What one check found.
    package struct Check: Sendable {
        /// Every tested column against the reference.
        package var report: DriftReport
        /// The score distribution's test, when the reference has scores.
        package var scoreDrift: FeatureDrift?
        /// Dataset drift, or drift of a key column (`MonitorConfiguration.keyColumns`).
        package var driftDetected: Bool
        /// The key columns that drifted.
        package var driftedKeyColumns: [String]
        /// The earliest event time in the window.
        package var windowStart: EventTime
        /// The latest event time in the window.
        package var windowEnd: EventTime
        /// Payments in the window.
        package var rows: Int
        /// Share of the window predicted fraud.
        package var fraudRate: Double
        /// Median of the payments' ingestion-to-score latency, ms.
        package var latencyP50Ms: Double
        /// 99th percentile of the same latency, ms.
        package var latencyP99Ms: Double
        /// Model versions that scored the window's payments.
        package var modelVersions: [String]
    }

    /// Window size, check interval, tests.
    package let configuration: MonitorConfiguration
    private var extractor = FeatureExtractor()
    private var rows: [Row] = []
    private var seen = 0
    private var sinceCheck = 0
    private var scratch = [Float](repeating: 0, count: FeatureNames.all.count)

    /// An empty window with a cold feature state.
    package init(configuration: MonitorConfiguration) {
        self.configuration = configuration
    }

    /// Payments seen, warm-up included.
    package var paymentsSeen: Int { seen }

    /// Replays earlier payments (in event-time order) into the per-card feature state only: what a monitor that has
    /// been running all along would have seen. They are not part of any window and not counted in `paymentsSeen`.
    package mutating func warm(with history: [Transaction]) {
        for transaction in history {
            scratch.withUnsafeMutableBufferPointer { extractor.extract(transaction, into: $0) }
        }
    }

    /// Adds a batch; returns the checks of the window against `reference` that fell due in it (one each
    /// `checkEvery` payments once the window is full, made at that exact payment).
    /// - Throws: `DriftReportError` when a column cannot be tested.
    package mutating func add(_ batch: [ScoredTransaction], reference: DriftFeatureTable) throws -> [Check] {
        var checks: [Check] = []
        for scored in batch {
            scratch.withUnsafeMutableBufferPointer { extractor.extract(scored.transaction, into: $0) }
            seen += 1
            guard seen > configuration.warmupPayments else { continue }
            rows.append(Row(transaction: scored.transaction, features: scratch, score: scored.score, prediction: scored.prediction,
                            latencyMs: scored.latencyMs, modelVersion: scored.modelVersion))
            if rows.count > 2 * configuration.windowSize { rows.removeFirst(rows.count - configuration.windowSize) }
            sinceCheck += 1
            if rows.count >= configuration.windowSize && sinceCheck >= configuration.checkEvery {
                sinceCheck = 0
                checks.append(try check(reference: reference))
            }
        }
        return checks
    }

    private func check(reference: DriftFeatureTable) throws -> Check {
        let window = rows.suffix(configuration.windowSize)
        var columns = MonitoredColumns()
        for row in window { columns.append(row.transaction, featureRow: row.features, score: row.score) }
        let current = columns.table
        // Like with like: the reference's payments of the window's hours, in the window's hour mix.
        let matched = HourMatchedReference.matched(reference, toHours: window.map(\.transaction.eventTime.hour))
        // Test only the columns both samples hold (a column can be all-missing in a small window or in the matched hours).
        let names = Set(current.names)
        let shared = DriftFeatureTable(matched.columns
            .filter { names.contains($0.name) && $0.values.finite.count > 0 && !configuration.ignoredColumns.contains($0.name) }
            .map { ($0.name, $0.values) })
        let report = try DriftReport(reference: shared, current: current, configuration: configuration.drift)
        let scoreDrift = report.features.first { $0.name == MonitoredColumns.scoreColumn }
        let keys = report.features.filter { $0.drifted && configuration.keyColumns.contains($0.name) }.map(\.name)
        let latencies = window.map(\.latencyMs).sorted()
        func percentile(_ q: Double) -> Double { latencies[min(latencies.count - 1, Int(q * Double(latencies.count)))] }
        return Check(
            report: report, scoreDrift: scoreDrift,
            driftDetected: report.datasetDrift || !keys.isEmpty, driftedKeyColumns: keys,
            windowStart: window.map(\.transaction.eventTime).min()!, windowEnd: window.map(\.transaction.eventTime).max()!,
            rows: window.count, fraudRate: Double(window.filter(\.prediction).count) / Double(window.count),
            latencyP50Ms: percentile(0.5), latencyP99Ms: percentile(0.99),
            modelVersions: Array(Set(window.map(\.modelVersion))).sorted())
    }
}
