import FraudBus
import FraudCore
import FraudMonitoring
import FraudRuntime
import FraudStore
import FraudTesting
import Logging
import Testing

/// The monitor rides out a PostgreSQL outage (it used to end with "read alias generation failed"): the connection is
/// cut between batches, the store reports the database unavailable, and once it is back the monitor reads every
/// payment and stops cleanly.
@Suite struct MonitorOutageTests {
    @Test func monitorWaitsOutAnOutage() async throws {
        guard MonitoringWorkspace.Backend.postgresURL != nil else { return print("SKIPPED the monitor outage test: FRAUD_TEST_POSTGRES_URL is not set") }
        let (training, live) = MonitoringStreams.split(training: 6_000, live: 1_000)
        let workspace = try await MonitoringWorkspace("monitor-outage", backend: .postgres)
        let champion = try await workspace.register(.logistic, on: training, name: "champion")
        _ = try await workspace.registry().promote(version: champion.version, by: "test", reason: "first")
        let scored = try MonitoringWorkspace.score(live, with: champion, history: training)

        var quiet = Logger(label: "test")
        quiet.logLevel = .critical
        let (proxy, proxied) = try PostgresTesting.behindProxy(try #require(workspace.postgresSchema))
        let status = DatabaseStatus()
        let store = try await PostgresStore.connect(proxied, retry: try RetryPolicy(
                                                        maxAttempts: 1, backoff: Backoff(initial: .milliseconds(10), maximum: .milliseconds(10))),
                                                    status: status, logger: quiet)
        let bus = try EmbeddedBus(path: workspace.root + "/bus")
        try await bus.createTopic(PaymentMessages.scoredTopic, partitions: 2)
        var configuration = try MonitorWorkerTests.configuration()
        configuration.outage = OutageRetry(backoff: try Backoff(initial: .milliseconds(20), maximum: .milliseconds(200)))
        let worker = try MonitorWorker(bus: bus, store: store, alerter: RecordingAlerter(), configuration: configuration, logger: quiet)
        let stop = StopSignal()
        let running = BackgroundRun("the monitor") { try await worker.run(stop: stop) }
        defer { stop.request() }

        try await bus.makeProducer().send(scored.prefix(500).map { PaymentMessages.message(for: $0) })
        try await Eventually.wait("the monitor reading the first 500 payments", patience: .seconds(600)) { await worker.status().paymentsSeen == 500 }
        proxy.cut()
        try await bus.makeProducer().send(scored.dropFirst(500).map { PaymentMessages.message(for: $0) })
        try await Eventually.wait("the store reporting the database unavailable", patience: .seconds(600)) {
            try running.checkRunning()
            if case .unavailable = status.current { return true } else { return false }
        }
        proxy.restore()
        try await Eventually.wait("the monitor reading all 1,000 payments", patience: .seconds(600)) {
            try running.checkRunning()
            return await worker.status().paymentsSeen == 1_000
        }

        stop.request()
        try await running.value()
        try await store.close()
        proxy.close()
        bus.close()
        try await workspace.close()
    }
}
