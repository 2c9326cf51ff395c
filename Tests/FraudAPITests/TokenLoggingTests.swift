import FraudAPI
import FraudCore
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization
import Testing

/// The bearer token never reaches the logs, even at trace level and when a request fails with a 5xx.
@Suite struct TokenLoggingTests {
    /// Keeps every log line (message and metadata) in memory.
    final class Lines: Sendable {
        let lines = Mutex<[String]>([])
    }

    struct CollectingHandler: LogHandler {
        let sink: Lines
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let all = metadata.merging(event.metadata ?? [:]) { $1 }
            sink.lines.withLock { $0.append("\(event.level) \(event.message) \(all)") }
        }
    }

    @Test func tokensNeverAppearInLogs() async throws {
        let sink = Lines()
        let fixture = try await APIFixture.make(logger: Logger(label: "fraud.api.test") { _ in CollectingHandler(sink: sink) })
        try await fixture.seed(count: 5)
        try await fixture.test { client in
            #expect(try await client.send(.post, "/v1/labels", json: "{\"trans_num\": \"x\", \"is_fraud\": true}", token: "wrong-\(APIFixture.token)").status == .unauthorized)
            #expect(try await client.send(.get, "/v1/alerts").status == .ok)
            // A store that fails: the request is answered 500 and logged, with its route but not its headers.
            try await fixture.store.close()
            let failed = try await client.send(.get, "/v1/alerts")
            #expect(failed.status == .internalServerError)
            #expect(failed.headers[.contentType] == "application/problem+json")
        }
        let lines = sink.lines.withLock { $0 }
        #expect(lines.contains { $0.contains("/v1/alerts failed") })
        #expect(!lines.contains { $0.contains(APIFixture.token) })
    }
}
