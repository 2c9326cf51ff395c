@testable import FraudAlerting
import FraudCore
import FraudTesting
import Foundation
import Testing

@Suite("Webhook delivery against a local HTTP sink")
struct WebhookDeliveryTests {
    func dispatcher(_ sink: SinkProcess, clock: ManualClock, token: String? = "s3cret", attempts: Int = 4) throws -> AlertDispatcher {
        let webhook = try WebhookChannel(configuration: .init(
            url: "http://127.0.0.1:\(sink.port)/hooks/fraud", timeout: .seconds(5), bearerToken: token,
            headers: ["X-Alert-Secret": "shared"]))
        return try AlertDispatcher(
            channels: [webhook], retry: try RetryPolicy(maxAttempts: attempts, backoff: Backoff(initial: .seconds(1), maximum: .seconds(60), jitter: 0.5)),
            clock: clock, seed: 1, logger: Fixtures.quietLogger)
    }

    @Test func postsTheAlertAsJSONWithSlackText() async throws {
        let sink = try await SinkProcess.start("http_sink.py")
        let clock = ManualClock()
        let outcomes = try await dispatcher(sink, clock: clock).send(Fixtures.scored(), createdAt: clock.now)

        #expect(outcomes.map(\.status) == [.delivered])
        #expect(outcomes.first?.attempts == 1)
        #expect(outcomes.first?.key == "2da90c7d74bd46a0caf3777415b3ebd3")
        #expect(outcomes.first?.channel == "webhook")
        let request = try #require(try sink.records("request").first)
        #expect(request["path"] as? String == "/hooks/fraud")
        let headers = try #require(request["headers"] as? [String: String])
        #expect(headers["authorization"] == "Bearer s3cret")
        #expect(headers["x-alert-secret"] == "shared")
        #expect(headers["content-type"] == "application/json")
        #expect(headers["idempotency-key"] == "2da90c7d74bd46a0caf3777415b3ebd3")

        let body = try #require(request["body"] as? String)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
        #expect(json["text"] as? String
            == "Possible fraud: $1,077.69 at fraud_Kirlin and Sons (shopping_net), score 0.97 — raises the score: amount 12× card mean, 3 payments in the last hour")
        #expect(json["kind"] as? String == "fraud")
        #expect(json["trans_num"] as? String == "2da90c7d74bd46a0caf3777415b3ebd3")
        #expect(json["cc_num"] as? String == "229116******7244", "masked: first 6 and last 4 digits")
        #expect(!body.contains("2291163933867244"), "the full card number never leaves the system")
        #expect(json["amount"] as? Double == 1077.69)
        #expect(json["merchant"] as? String == "fraud_Kirlin and Sons")
        #expect(json["category"] as? String == "shopping_net")
        #expect(json["event_time"] as? String == "2020-06-21T12:14:25Z")
        #expect(json["score"] as? Double == 0.9713)
        #expect(json["threshold"] as? Double == 0.62)
        #expect(json["model_version"] as? String == "7")
        #expect(json["created_at"] as? String == "2023-11-14T22:13:20Z")
        let reasons = try #require(json["reasons"] as? [[String: Any]])
        #expect(reasons.map { $0["feature"] as? String } == ["amount_vs_card_mean", "card_count_1h", "hour"])
        #expect(reasons.first?["contribution"] as? Double == 2.1)
        #expect(reasons.map { $0["text"] as? String }
            == ["amount 12× card mean (raises the score)", "3 payments in the last hour (raises the score)", "at hour 12 (lowers the score)"])
    }

    @Test func sameTransNumTwiceIsDeliveredOnce() async throws {
        let sink = try await SinkProcess.start("http_sink.py")
        let clock = ManualClock()
        let dispatcher = try dispatcher(sink, clock: clock)
        let first = await dispatcher.send(Fixtures.alert())
        let second = await dispatcher.send(Fixtures.alert())
        let other = await dispatcher.send(Fixtures.alert(transNum: "other"))
        #expect(first.map(\.status) == [.delivered])
        #expect(second.map(\.status) == [.duplicate])
        #expect(second.first?.attempts == 0)
        #expect(other.map(\.status) == [.delivered])
        #expect(try sink.records("request").count == 2)
    }

    @Test func serverErrorsAreRetriedWithBackoffUntilSuccess() async throws {
        let sink = try await SinkProcess.start("http_sink.py", ["--statuses", "500,503,200"])
        let clock = ManualClock()
        let outcomes = try await dispatcher(sink, clock: clock).send(Fixtures.alert())
        #expect(outcomes.map(\.status) == [.delivered])
        #expect(outcomes.first?.attempts == 3)
        #expect(try sink.records("request").map { $0["answered"] as? Int } == [500, 503, 200])
        let sleeps = clock.sleeps
        #expect(sleeps.count == 2)
        #expect(sleeps[0] >= 500 && sleeps[0] <= 1000)
        #expect(sleeps[1] >= 1000 && sleeps[1] <= 2000)
    }

    @Test func tooManyRequestsHonoursRetryAfter() async throws {
        let sink = try await SinkProcess.start("http_sink.py", ["--statuses", "429,200", "--retry-after", "7"])
        let clock = ManualClock()
        let outcomes = try await dispatcher(sink, clock: clock).send(Fixtures.alert())
        #expect(outcomes.map(\.status) == [.delivered])
        #expect(clock.sleeps == [7000])
    }

    @Test func clientErrorIsAPermanentFailureRecordedInTheOutcome() async throws {
        let sink = try await SinkProcess.start("http_sink.py", ["--statuses", "403"])
        let clock = ManualClock()
        let dispatcher = try dispatcher(sink, clock: clock)
        let outcomes = await dispatcher.send(Fixtures.alert())
        #expect(outcomes.map(\.status) == [.failed])
        #expect(outcomes.first?.attempts == 1)
        let detail = try #require(outcomes.first?.detail)
        #expect(detail.contains("permanent failure on attempt 1"))
        #expect(detail.contains("HTTP 403"))
        #expect(!detail.contains("hooks"), "the URL path may hold a secret and is not echoed")
        #expect(clock.sleeps.isEmpty)
        // A failed key is not remembered as delivered: a redelivery tries again.
        #expect(await dispatcher.send(Fixtures.alert()).map(\.status) == [.failed])
        #expect(try sink.records("request").count == 2)
    }

    @Test func persistentServerErrorsGiveUpAfterMaxAttempts() async throws {
        let sink = try await SinkProcess.start("http_sink.py", ["--statuses", "502"])
        let clock = ManualClock()
        let outcomes = try await dispatcher(sink, clock: clock, attempts: 3).send(Fixtures.drift())
        #expect(outcomes.map(\.status) == [.failed])
        #expect(outcomes.first?.attempts == 3)
        #expect(outcomes.first?.key == "operational:drift:42")
        #expect(outcomes.first?.detail?.hasPrefix("gave up after 3 attempts: webhook POST http://127.0.0.1:") == true)
        let requests = try sink.records("request")
        #expect(requests.count == 3)
        let body = try #require(requests.first?["body"] as? String)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
        #expect(json["kind"] as? String == "drift_detected")
        #expect(json["severity"] as? String == "warning")
        #expect(json["text"] as? String == "[warning] Drift detected in 2 of 12 features")
        #expect(json["trans_num"] == nil)
    }

    @Test func connectionRefusedIsRetriedThenRecorded() async throws {
        let sink = try await SinkProcess.start("http_sink.py")
        let port = sink.port
        sink.stop()
        let webhook = try WebhookChannel(configuration: .init(url: "http://127.0.0.1:\(port)/", timeout: .seconds(1)))
        let clock = ManualClock()
        let dispatcher = try AlertDispatcher(channels: [webhook], retry: try RetryPolicy(maxAttempts: 2, backoff: RetryPolicy.alertDelivery.backoff), clock: clock, seed: 3, logger: Fixtures.quietLogger)
        let outcomes = await dispatcher.send(Fixtures.alert())
        #expect(outcomes.map(\.status) == [.failed])
        #expect(outcomes.first?.attempts == 2)
        #expect(clock.sleeps.count == 1)
    }

    @Test func statusClassification() throws {
        func retryable(_ code: Int) -> Bool? {
            do {
                _ = try WebhookChannel.classify(status: .init(statusCode: code), headers: [:], body: "", url: "u")
                return nil
            } catch {
                return error.isRetryable
            }
        }
        #expect(retryable(200) == nil)
        #expect(retryable(204) == nil)
        #expect(retryable(408) == true)
        #expect(retryable(429) == true)
        #expect(retryable(500) == true)
        #expect(retryable(599) == true)
        #expect(retryable(400) == false)
        #expect(retryable(404) == false)
        #expect(retryable(301) == false)
    }
}
