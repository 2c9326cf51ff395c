import Foundation
import FraudBus
import FraudCore
import FraudSimulatorServer
import FraudStore
import FraudTesting
import Testing

@Suite("fraud poll (the built executable)")
struct PollCommandTests {
    @Test("on the embedded bus it scores and stores polled payments while it polls; SIGTERM stores the rest and exits 0")
    func storesWhilePolling() async throws {
        let directory = TemporaryDirectory.make("poll-command")
        let database = "sqlite:\(directory)/fraud.db"
        // Created first, so that the test reads it while the poller writes it.
        let store = try await StoreFactory.open(database)
        let server = try await LocalServer.simulator(SimulatorServer(simulator: SimulatedData.simulator(seed: 11), configuration: .init(port: 0)))
        let poll = try RunningCommand(CommandRun.fraud, [
            "poll", "--url", "http://127.0.0.1:\(server.port)/current-transactions?n=20", "--interval", "0.05",
            "--model", try PipelineFixtures.artifactDirectory(), "--database", database, "--bus", "embedded:\(directory)/bus",
        ])
        try await Eventually.wait("polled payments in the store while fraud poll runs") {
            guard poll.isRunning else { return true }
            return try await store.counts().transactions >= 100
        }
        #expect(poll.isRunning, "fraud poll ended before storing anything")
        poll.signal(SIGTERM)
        let run = poll.wait()
        await server.stop()
        #expect(run.status == 0, "exit status \(run.status): \(run.errors.suffix(2_000))")

        let bus = try EmbeddedBus(path: directory + "/bus")
        let sent = try bus.recordCount(PaymentMessages.rawTopic)
        bus.close()
        #expect(sent > 0)
        #expect(try await store.counts().transactions == Int(sent), "every polled payment is stored before exit")
        try await store.close()
    }
}
