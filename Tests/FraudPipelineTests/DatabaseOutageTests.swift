import Foundation
import FraudBus
import FraudCore
import FraudPipeline
import FraudRuntime
import FraudStore
import FraudTesting
import Logging
import Testing

/// The writer rides out a PostgreSQL outage: the connection is cut (a loopback proxy between the worker and the
/// server), the store reports the database unavailable, the writer waits instead of exiting, and once the connection
/// is back every payment is stored exactly once.
@Suite struct DatabaseOutageTests {
    /// No retries in the store (its first failure ends the call), so riding out the outage is the worker's doing.
    static let noStoreRetries = try! RetryPolicy(maxAttempts: 1, backoff: Backoff(initial: .milliseconds(10), maximum: .milliseconds(10)))
    static let quickOutage = OutageRetry(backoff: try! Backoff(initial: .milliseconds(20), maximum: .milliseconds(200)))

    static var quiet: Logger {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return logger
    }

    @Test func writerWaitsOutAnOutageAndStoresEveryPaymentOnce() async throws {
        guard let text = ProcessInfo.processInfo.environment["FRAUD_TEST_POSTGRES_URL"], !text.isEmpty else {
            return print("SKIPPED the writer outage test: FRAUD_TEST_POSTGRES_URL is not set")
        }
        let direct = try PostgresTesting.throwawaySchema(text, prefix: "fraud_outage")
        let checker = try await PostgresStore.connect(direct, logger: Self.quiet)
        let (proxy, proxied) = try PostgresTesting.behindProxy(direct)
        let status = DatabaseStatus()
        let store = try await PostgresStore.connect(proxied, retry: Self.noStoreRetries, status: status, logger: Self.quiet)
        let bus = try await PipelineFixtures.bus()
        let payments = StoreFixtures.scored(count: 1_000, seed: 9)
        let statistics = PipelineStatistics()
        let writer = WriterWorker(bus: bus, store: store, configuration: .init(batch: PipelineFixtures.smallBatches, outage: Self.quickOutage),
                                  statistics: statistics)
        let stop = StopSignal()
        let running = BackgroundRun("the writer") { try await writer.run(stop: stop) }
        do {
            try await Self.publish(payments[..<500], on: bus)
            try await Eventually.wait("the first 500 payments stored", patience: .seconds(600)) { try await checker.counts().transactions == 500 }

            proxy.cut()
            try await Self.publish(payments[500...], on: bus)
            try await Eventually.wait("the store reporting the database unavailable", patience: .seconds(600)) {
                try running.checkRunning()
                if case .unavailable = status.current { return true } else { return false }
            }
            #expect(status.outageText?.hasPrefix("database unavailable, retrying") == true)
            // With one attempt per store call, the store's failure is already the writer's to handle.
            proxy.restore()

            try await Eventually.wait("all 1,000 payments stored", patience: .seconds(600)) {
                try running.checkRunning()
                return try await checker.counts().transactions == 1_000
            }
            #expect(status.current == .available)
        } catch {
            stop.request()
            try? await running.value()
            throw error
        }
        stop.request()
        try await running.value()
        #expect(statistics.snapshot.stored == 1_000, "each payment counted as new once")
        try await store.close()
        try await checker.close()
        proxy.close()
        bus.close()
        try await PostgresTesting.dropSchema(direct)
    }

    static func publish(_ payments: ArraySlice<ScoredTransaction>, on bus: any Bus) async throws {
        let producer = try await bus.makeProducer()
        try await producer.send(payments.map { PaymentMessages.message(for: $0) })
        try await producer.close()
    }
}
