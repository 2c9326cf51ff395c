import FraudCore
import FraudDrift
import FraudRuntime
import FraudStore
import Logging
import Metrics

/// The monitor's mutable state and its I/O: the drift window, the labelled window, the champion's reference, and
/// the alert episodes; results go to gauges, `drift_reports` and the alerter.
actor MonitorSession {
    let store: any FraudDatabase
    let alerter: any Alerter
    let configuration: MonitorConfiguration
    let referenceBuilder: DriftReferenceBuilder
    let logger: Logger
    let clock: @Sendable () -> EventTime

    private var window: DriftWindow
    private var performance: PerformanceWindow
    private var reference: DriftFeatureTable?
    private var referenceVersion: String?
    private var aliasGeneration: Int64 = -1
    private var watermark: LabelWatermark?
    private var driftEpisodes: AlertEpisodeStateMachine
    private var performanceEpisodes: AlertEpisodeStateMachine
    /// The latest check and snapshot, for callers that report them (the demo, tests).
    private(set) var lastCheck: DriftWindow.Check?
    private(set) var lastSnapshot: PerformanceWindow.Snapshot?
    private(set) var reportsSaved = 0
    /// Scored payments read so far.
    var paymentsSeen: Int { window.paymentsSeen }
    private(set) var alertsRaised: [OperationalAlert] = []

    init(store: any FraudDatabase, alerter: any Alerter, configuration: MonitorConfiguration, referenceBuilder: DriftReferenceBuilder,
         logger: Logger, clock: @escaping @Sendable () -> EventTime) throws {
        self.store = store
        self.alerter = alerter
        self.configuration = configuration
        self.referenceBuilder = referenceBuilder
        self.logger = logger
        self.clock = clock
        window = DriftWindow(configuration: configuration)
        performance = try PerformanceWindow(size: configuration.labelledWindowSize)
        driftEpisodes = AlertEpisodeStateMachine(clearAfter: configuration.clearAfter)
        performanceEpisodes = AlertEpisodeStateMachine(clearAfter: configuration.clearAfter)
    }

    /// Loads the champion's training reference when the champion changed (one indexed query otherwise).
    func refreshReference(stop: StopSignal) async throws {
        let generation = try await waitingOut("read alias generation", stop) { try await self.store.aliasGeneration() }
        guard generation != aliasGeneration else { return }
        let (champion, model) = try await waitingOut("read the champion", stop) { () -> (AliasRecord?, ModelVersionRecord?) in
            guard let champion = try await self.store.alias(AliasRecord.champion) else { return (nil, nil) }
            return (champion, try await self.store.model(version: champion.version))
        }
        aliasGeneration = generation
        guard let champion, champion.version != referenceVersion else { return }
        guard let model else { throw StoreError(.unknownVersion(champion.version)) }
        let loaded = try referenceBuilder.reference(artifactDirectory: model.artifactPath)
        reference = loaded.table
        referenceVersion = champion.version
        logger.info("drift reference of champion \(champion.version): \(loaded.sampledRows) payments (\(loaded.source))")
    }

    /// Warms the window's per-card feature state with earlier payments.
    func warm(with history: [Transaction]) {
        window.warm(with: history)
    }

    /// Runs a store call until the database answers (`MonitorConfiguration.outage`).
    private func waitingOut<T>(_ operation: String, _ stop: StopSignal, _ body: () async throws -> T) async throws -> T {
        try await configuration.outage.run(operation, stop: stop, logger: logger, body)
    }

    /// Decodes and adds one micro-batch; bad records go to quarantine.
    func process(_ records: [BusRecord], stop: StopSignal) async throws {
        var batch: [ScoredTransaction] = []
        var quarantined: [QuarantinedRecord] = []
        for record in records {
            do {
                batch.append(try PaymentMessages.scoredTransaction(from: record))
            } catch {
                quarantined.append(PaymentMessages.quarantined(record, error: error))
            }
        }
        if !quarantined.isEmpty {
            try await waitingOut("quarantine \(quarantined.count) records", stop) { try await self.store.quarantine(quarantined) }
            Counter(label: MetricNames.quarantined, dimensions: [("source", "monitor")]).increment(by: quarantined.count)
        }
        try await refreshReference(stop: stop)
        guard let reference else {
            logger.warning("no champion yet: \(batch.count) payments not monitored")
            return
        }
        for check in try window.add(batch, reference: reference) { try await record(check, stop: stop) }
    }

    private func record(_ check: DriftWindow.Check, stop: StopSignal) async throws {
        lastCheck = check
        Gauge(label: MetricNames.driftShare).record(check.report.driftShare)
        Gauge(label: MetricNames.fraudRate).record(check.fraudRate)
        Gauge(label: MetricNames.windowLatencyP99).record(check.latencyP99Ms)
        for feature in check.report.features {
            Gauge(label: MetricNames.featureDrift, dimensions: [("feature", feature.name)]).record(feature.score)
        }
        let now = clock()
        var json = check.report.jsonText
        json.removeLast()
        json += ",\"monitor\":{\"drift_detected\":\(check.driftDetected),\"score_drifted\":\(check.scoreDrift?.drifted ?? false)"
        json += ",\"drifted_key_columns\":[\(check.driftedKeyColumns.map(JSONWriter.quoted).joined(separator: ","))]"
        json += ",\"fraud_rate\":\(JSONText.number(check.fraudRate)),\"latency_p50_ms\":\(JSONText.number(check.latencyP50Ms))"
        json += ",\"latency_p99_ms\":\(JSONText.number(check.latencyP99Ms)),\"reference_version\":\(JSONWriter.quoted(referenceVersion ?? ""))"
        json += ",\"model_versions\":[\(check.modelVersions.map(JSONWriter.quoted).joined(separator: ","))]}}"
        let record = DriftReportRecord(createdAt: now, windowStart: check.windowStart, windowEnd: check.windowEnd,
                                       datasetDrift: check.driftDetected, driftedShare: check.report.driftShare, json: json)
        try await waitingOut("save a drift report", stop) { try await self.store.save(record) }
        reportsSaved += 1
        let drifted = check.report.features.filter(\.drifted)
        logger.info("drift check \(check.windowStart)…\(check.windowEnd): \(drifted.count) of \(check.report.features.count) columns drifted, score drifted \(check.scoreDrift?.drifted ?? false), fraud rate \(check.fraudRate)")
        switch driftEpisodes.check(present: check.driftDetected) {
        case .raise(let episode):
            let names = drifted.prefix(12).map { "\($0.name) (\($0.test.rawValue) \(JSONText.number($0.score)))" }
            await raise(OperationalAlert(
                id: "drift:\(check.windowEnd.millisecondsSinceEpoch):\(episode)", kind: .driftDetected, severity: .warning,
                title: "Drift detected in \(drifted.count) of \(check.report.features.count) columns"
                    + (check.driftedKeyColumns.isEmpty ? "" : " (key: \(check.driftedKeyColumns.joined(separator: ", ")))"),
                details: (["window \(check.windowStart) – \(check.windowEnd), \(check.rows) payments, champion \(referenceVersion ?? "-")",
                           "drift share \(JSONText.number(check.report.driftShare)) (threshold \(JSONText.number(check.report.driftShareThreshold)))"] + names)
                    .joined(separator: "\n"),
                createdAt: now))
        case .resolve(let episode): logger.info("drift episode \(episode) over")
        case .none: break
        }
    }

    /// Reads labels set since the last call and judges the labelled window against the floors.
    func pollLabels(stop: StopSignal) async throws {
        while true {
            let rows = try await waitingOut("read new labels", stop) { [watermark] in try await self.store.labelled(after: watermark, limit: 10_000) }
            guard let last = rows.last else { break }
            watermark = last.labelWatermark
            performance.add(rows)
            if rows.count < 10_000 { break }
        }
        let snapshot = performance.snapshot
        guard snapshot.labelsSeen > 0 else { return }
        lastSnapshot = snapshot
        Gauge(label: MetricNames.labelledPrecision).record(snapshot.precision)
        Gauge(label: MetricNames.labelledRecall).record(snapshot.recall)
        Gauge(label: MetricNames.labelledF1).record(snapshot.f1)
        Gauge(label: MetricNames.errorDriftDetections).record(Double(snapshot.pageHinkleyDetections + snapshot.adwinDetections))
        let breaches = Self.breaches(snapshot, configuration)
        switch performanceEpisodes.check(present: !breaches.isEmpty) {
        case .raise(let episode):
            await raise(OperationalAlert(
                id: "performance:\(watermark.map { "\($0.labeledAt.millisecondsSinceEpoch):\($0.transNum)" } ?? "-"):\(episode)",
                kind: .performanceBelowFloor, severity: .critical,
                title: "Labelled " + breaches.joined(separator: ", "),
                details: ["over the last \(snapshot.rows) labelled payments: precision \(JSONText.number(snapshot.precision)), recall \(JSONText.number(snapshot.recall)), F1 \(JSONText.number(snapshot.f1))",
                          "error-rate changes detected: Page-Hinkley \(snapshot.pageHinkleyDetections), ADWIN \(snapshot.adwinDetections)"]
                    .joined(separator: "\n"),
                createdAt: clock()))
        case .resolve(let episode): logger.info("performance episode \(episode) over")
        case .none: break
        }
    }

    /// "precision 0.41 < floor 0.5" for each floor the snapshot breaks, once the window is large enough to judge.
    static func breaches(_ snapshot: PerformanceWindow.Snapshot, _ configuration: MonitorConfiguration) -> [String] {
        guard snapshot.rows >= configuration.minimumLabelled else { return [] }
        var breaches: [String] = []
        let flagged = snapshot.confusion.truePositives + snapshot.confusion.falsePositives
        if let floor = configuration.precisionFloor, flagged > 0, snapshot.precision < floor {
            breaches.append("precision \(JSONText.number(snapshot.precision)) < floor \(JSONText.number(floor))")
        }
        if let floor = configuration.recallFloor, snapshot.confusion.positives >= max(1, configuration.minimumLabelledFrauds), snapshot.recall < floor {
            breaches.append("recall \(JSONText.number(snapshot.recall)) < floor \(JSONText.number(floor))")
        }
        return breaches
    }

    private func raise(_ alert: OperationalAlert) async {
        alertsRaised.append(alert)
        logger.warning("\(alert.title)")
        for outcome in await alerter.send(alert) {
            Counter(label: MetricNames.alertDeliveries, dimensions: [("channel", outcome.channel), ("outcome", outcome.status.rawValue)]).increment()
        }
    }
}
