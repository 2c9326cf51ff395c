import FraudBus
import FraudCore
import FraudDrift
import FraudMetrics
import FraudModel
import FraudMonitoring
import FraudRuntime
import FraudSimulator
import FraudStore
import FraudTesting
import Testing

/// The monitor on the real embedded bus and a real SQLite store, fed payments scored by a real champion.
@Suite struct MonitorWorkerTests {
    struct Run {
        var status: MonitorStatus
        var reports: [DriftReportRecord]
        var alerts: [OperationalAlert]
        /// The labelled payments as the store returns them to the monitor (label order).
        var labelled: [StoredTransaction]
    }

    static func configuration(precisionFloor: Double? = nil, recallFloor: Double? = nil) throws -> MonitorConfiguration {
        try MonitorConfiguration(batches: .init(maxRecords: 500, maxWait: .milliseconds(20)), windowSize: 3_000, checkEvery: 1_000,
                                 warmupPayments: 0, labelledWindowSize: 500, minimumLabelled: 100,
                                 precisionFloor: precisionFloor, recallFloor: recallFloor, labelPollInterval: .milliseconds(20))
    }

    /// Trains and promotes a champion on the training part, publishes the live part scored by it, runs the monitor
    /// until it has read every payment (and made every check), then stops it.
    static func monitor(drift: [DriftScenario.Kind], live count: Int, labelled: Int = 0,
                        configuration: MonitorConfiguration? = nil) async throws -> Run {
        let (training, live) = MonitoringStreams.split(training: 12_000, live: count, drift: drift)
        let workspace = try await MonitoringWorkspace("monitor")
        let champion = try await workspace.register(.xgboost, on: training, name: "champion")
        _ = try await workspace.registry().promote(version: champion.version, by: "test", reason: "first")
        let scored = try MonitoringWorkspace.score(live, with: champion, history: training)
        if labelled > 0 {
            try await workspace.store.write(Array(scored.prefix(labelled)))
            try await workspace.labelWithGroundTruth(Array(live.prefix(labelled)), at: EventTime(year: 2021, month: 1, day: 1)!)
        }
        let bus = try EmbeddedBus(path: workspace.root + "/bus")
        defer { bus.close() }
        try await bus.createTopic(PaymentMessages.scoredTopic, partitions: 2)
        try await bus.makeProducer().send(scored.map { PaymentMessages.message(for: $0) })

        let alerter = RecordingAlerter()
        let configuration = try configuration ?? Self.configuration()
        let worker = try MonitorWorker(bus: bus, store: workspace.store, alerter: alerter, configuration: configuration)
        await worker.warm(with: training)
        let stop = StopSignal()
        let expectedChecks = (count - configuration.warmupPayments - configuration.windowSize) / configuration.checkEvery + 1
        let running = Task { try await worker.run(stop: stop) }
        for _ in 0..<3_000 {
            let status = await worker.status()
            let labelsDone = labelled == 0 || (status.performance?.labelsSeen ?? 0) >= labelled
            if status.reportsSaved >= expectedChecks && labelsDone { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        stop.request()
        try await running.value
        let status = await worker.status()
        let reports = try await workspace.store.driftReports(limit: 100)
        let labelledRows = try await workspace.store.labelled(after: nil, limit: 100_000)
        try await workspace.close()
        return Run(status: status, reports: reports, alerts: alerter.operational, labelled: labelledRows)
    }

    /// amt, category and score drift scores of the last window (the figures in docs/monitoring.md).
    static func keyScores(_ run: Run) -> [String] {
        (run.status.lastCheck?.report.features ?? []).filter { ["amt", "category", "score"].contains($0.name) }.map { "\($0.name) \($0.score)" }
    }

    @Test func aStationaryStreamIsNotFlagged() async throws {
        let run = try await Self.monitor(drift: [], live: 6_000)
        #expect(run.reports.count == 4)
        #expect(run.reports.allSatisfy { !$0.datasetDrift })
        #expect(run.alerts.isEmpty)
        let check = try #require(run.status.lastCheck)
        // Every extractor feature and raw column was tested, by name, and the score distribution too.
        let names = Set(check.report.features.map(\.name))
        #expect(names.isSuperset(of: ["amt", "category", "city_pop", "amount_log", "card_count_24h", "seconds_since_previous", "score"]))
        #expect(check.rows == 3_000 && check.fraudRate < 0.1)
        print("stationary: drift shares", run.reports.map(\.driftedShare), "key columns", Self.keyScores(run))
    }

    @Test(arguments: [DriftScenario.Kind.amountShift, .categoryMix])
    func aDriftedStreamIsFlaggedOnceAndReported(kind: DriftScenario.Kind) async throws {
        let run = try await Self.monitor(drift: [kind], live: 6_000)
        print("\(kind): drift shares", run.reports.map(\.driftedShare), "key columns", Self.keyScores(run))
        #expect(run.reports.count == 4)
        #expect(run.reports.contains { $0.datasetDrift })
        // One alert for the episode, however many windows show it.
        #expect(run.reports.filter(\.datasetDrift).count >= 2)
        #expect(run.alerts.count == 1)
        #expect(run.alerts.first?.kind == .driftDetected)
        let stored = try #require(run.reports.first { $0.datasetDrift })
        #expect(stored.json.hasPrefix("{\"dataset_drift\":") && stored.json.contains("\"monitor\":{\"drift_detected\":true"))
    }

    @Test func labelledPrecisionAndRecallMatchFraudMetricsAndAFloorAlertsOnce() async throws {
        let labelled = 3_000
        let run = try await Self.monitor(drift: [], live: 3_000, labelled: labelled,
                                         configuration: try Self.configuration(precisionFloor: 0.999, recallFloor: 0.999))
        let snapshot = try #require(run.status.performance)
        #expect(snapshot.labelsSeen == labelled && snapshot.rows == 500)
        // The same rows through FraudMetrics: the window holds the last 500 labels, decisions made at scoring time.
        let window = run.labelled.suffix(500)
        #expect(window.count == 500)
        let confusion = ConfusionCounts(scores: window.map { $0.scored.prediction ? 1 : 0 }, labels: window.map { $0.trueValue! }, threshold: 0.5)
        #expect(snapshot.confusion == confusion)
        #expect(snapshot.precision == confusion.precision && snapshot.recall == confusion.recall && snapshot.f1 == confusion.f1)
        #expect(confusion.positives > 0)
        let performanceAlerts = run.alerts.filter { $0.kind == .performanceBelowFloor }
        #expect(performanceAlerts.count == 1)
    }
}
