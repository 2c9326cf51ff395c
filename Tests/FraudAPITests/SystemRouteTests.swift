import Foundation
import FraudAPI
import FraudCore
import FraudPipeline
import FraudRuntime
import FraudTesting
import Hummingbird
import HummingbirdTesting
import Metrics
import Testing

/// Health, metrics, the OpenAPI document, the docs page, the dashboard, unknown routes, and stopping the server.
@Suite struct SystemRouteTests {
    @Test func healthMetricsAndPages() async throws {
        let fixture = try await APIFixture.make()
        try await fixture.seed(count: 30)
        // A worker in the same process records under the pipeline's names; /metrics shows it.
        Counter(label: MetricNames.paymentsScored, dimensions: [("model_version", "test")]).increment(by: 3)
        try await fixture.test { client in
            let health = try await client.send(.get, "/healthz", token: nil)
            #expect(health.status == .ok && health.object["status"] as? String == "ok")

            _ = try await client.send(.get, "/v1/alerts")
            let metrics = try await client.send(.get, "/metrics", token: nil)
            #expect(metrics.status == .ok)
            #expect(metrics.headers[.contentType]?.hasPrefix("text/plain") == true)
            let text = metrics.text
            #expect(text.contains("fraud_api_requests_total{method=\"GET\",route=\"/v1/alerts\",status=\"200\"}"))
            #expect(text.contains("fraud_api_request_duration_seconds_bucket"))
            #expect(text.contains("fraud_store_payments 30"))
            #expect(text.contains("\(MetricNames.modelVersion){version=\"\(fixture.championVersion)\"} 1"))
            #expect(text.contains("\(MetricNames.paymentsScored){model_version=\"test\"}"))

            let openAPI = try await client.send(.get, "/openapi.json", token: nil)
            let document = openAPI.object
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = try #require(document["paths"] as? [String: Any])
            for path in ["/v1/score", "/v1/payments", "/v1/labels", "/v1/transactions", "/v1/alerts", "/v1/models",
                         "/v1/models/{version}/promote", "/v1/models/rollback", "/v1/reports/drift", "/v1/reports/performance",
                         "/v1/reports/activity", "/healthz", "/metrics", "/openapi.json", "/docs", "/"] {
                #expect(paths[path] != nil, "\(path) is not in openapi.json")
            }

            let docs = try await client.send(.get, "/docs", token: nil)
            #expect(docs.status == .ok && docs.text.contains("/assets/docs.js"))
            let dashboard = try await client.send(.get, "/", token: nil)
            #expect(dashboard.status == .ok && dashboard.headers[.contentType]?.hasPrefix("text/html") == true)
            for asset in ["common.css", "dashboard.css", "dashboard.js", "docs.js"] {
                let answer = try await client.send(.get, "/assets/\(asset)", token: nil)
                #expect(answer.status == .ok && !answer.body.readableBytesView.isEmpty, "\(asset)")
                // No external assets: nothing is loaded from another host.
                #expect(!answer.text.contains("https://") && !answer.text.contains("url(http"), "\(asset)")
            }
            #expect(!dashboard.text.contains("https://") && !docs.text.contains("https://"))

            let unknown = try await client.send(.get, "/v1/nothing", token: nil)
            #expect(unknown.status == .notFound && unknown.headers[.contentType] == "application/problem+json")
            #expect((unknown.object["detail"] as? String)?.contains("/v1/nothing") == true)
        }
    }

    @Test func runReturnsWhenStopIsRequested() async throws {
        let fixture = try await APIFixture.make()
        let stop = StopSignal()
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        async let served: Void = fixture.server.run(stop: stop) { port in continuation.yield(port) }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        #expect(port > 0)
        #expect(fixture.server.startMessage(port: port).contains("http://127.0.0.1:\(port)"))
        #expect(!fixture.server.startMessage(port: port).contains(APIFixture.token))
        stop.request()
        try await served
        try await fixture.store.close()
    }

    @Test func withoutATokenOnlyLoopbackIsAccepted() throws {
        #expect(throws: ConfigurationError.self) { try APIServer.Configuration(host: "0.0.0.0", port: 0, token: nil).validate() }
        try APIServer.Configuration(host: "0.0.0.0", port: 0, token: APIFixture.token).validate()
        try APIServer.Configuration(host: "127.0.0.1", port: 0, token: nil).validate()
    }
}
