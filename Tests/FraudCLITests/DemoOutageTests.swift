import Foundation
import FraudCore
import FraudStore
import FraudTesting
import Testing

/// `fraud demo` on PostgreSQL, with the connection to the server cut for a while (a loopback proxy in between): the
/// status line goes on and says "database unavailable, retrying", and once the connection is back the demo streams on
/// and, stopped as by Ctrl-C, ends with its summary (it used to stop with "monitor: read alias generation failed" and no summary).
@Suite("fraud demo through a database outage")
struct DemoOutageTests {
    @Test func demoRidesOutAnOutageAndEndsWithItsSummary() async throws {
        guard let text = ProcessInfo.processInfo.environment["FRAUD_TEST_POSTGRES_URL"], !text.isEmpty else {
            return print("SKIPPED the demo outage test: FRAUD_TEST_POSTGRES_URL is not set")
        }
        let directory = TemporaryDirectory.make("demo-outage")
        let schema = try PostgresTesting.throwawaySchema(text, prefix: "fraud_demo_outage")
        let (proxy, proxied) = try PostgresTesting.behindProxy(schema)
        defer { proxy.close() }
        let demo = try RunningCommand(
            CommandRun.fraud, ["demo", "--rate", "200", "--training-rows", "5000", "--no-server"],
            environment: [
                "FRAUD_DATABASE_URL": proxied.description, "FRAUD_REGISTRY_DIR": "\(directory)/registry",
                "FRAUD_BUS": "embedded:\(directory)/bus", "FRAUD_ALERT_WEBHOOK_URL": "", "FRAUD_SMTP_URL": "",
            ],
            directory: directory)
        defer { if demo.isRunning { demo.signal(SIGKILL) } }

        try await Eventually.wait("the demo streaming", patience: .seconds(600)) {
            guard demo.isRunning else { throw ConformanceFailure(message: "the demo ended before streaming: \(demo.wait().errors.suffix(2_000))") }
            return demo.outputSoFar.contains("payments/s")
        }
        proxy.cut()
        // Two lines in a row, while no query can succeed: the line does not wait for the database.
        try await Self.explained(demo) { try await Eventually.wait("the status line saying twice that the database is unavailable", patience: .seconds(600)) {
            guard demo.isRunning else {
                let run = demo.wait()
                throw ConformanceFailure(message: "the demo ended during the outage: \(run.output.suffix(3_000))\n\(run.errors.suffix(3_000))")
            }
            return demo.outputSoFar.components(separatedBy: "database unavailable, retrying").count > 2
        } }
        proxy.restore()
        // Streaming again: a status line after the outage without it. Then the stop (as Ctrl-C), which the test
        // sends so that no deadline of the demo's own races the outage.
        let linesBefore = demo.outputSoFar.split(separator: "\n").count
        try await Self.explained(demo) {
            try await Eventually.wait("a status line without the outage", patience: .seconds(600)) {
                demo.outputSoFar.split(separator: "\n").dropFirst(linesBefore).contains { $0.contains("payments/s") && !$0.contains("database unavailable") }
            }
        }
        demo.signal(SIGINT)
        try await Self.explained(demo) {
            try await Eventually.wait("the demo ending after the stop", patience: .seconds(600)) { !demo.isRunning }
        }
        let run = demo.wait()

        #expect(run.status == 0, "exit status \(run.status): \(run.errors.suffix(2_000))")
        let summary = try #require(run.output.split(separator: "\n").last { $0.hasPrefix("sent ") }, "no summary in \(run.output.suffix(2_000))")
        #expect(summary.contains("stored") && !summary.contains("--drain-timeout"), "\(summary)")
        let store = try await PostgresStore.connect(schema)
        let counts = try await store.counts()
        try await store.close()
        try await PostgresTesting.dropSchema(schema)
        #expect(counts.transactions > 0)
    }

    /// `body`, its failure followed by the demo's output so far.
    static func explained(_ demo: RunningCommand, _ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch {
            let errors = demo.errorsSoFar.split(separator: "\n").filter { !$0.contains("Connection creation failed") }.joined(separator: "\n")
            throw ConformanceFailure(message: "\(error); the demo's output so far:\n\(demo.outputSoFar.suffix(3_000))\n\(errors.suffix(5_000))")
        }
    }
}
