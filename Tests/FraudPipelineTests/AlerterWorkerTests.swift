import FraudAlerting
import FraudBus
import FraudCore
import FraudPipeline
import FraudRuntime
import FraudStore
import FraudTesting
import Foundation
import Logging
import Testing

/// The alerter worker end to end: the embedded bus, a SQLite store, a real HTTP sink and a real SMTP sink (aiosmtpd).
@Suite("Alerter worker")
struct AlerterWorkerTests {
    /// 40 scored payments; rows 0, 10, 20 and 30 are predicted fraud.
    static let scored = StoreFixtures.scored(count: 40)
    static var frauds: [ScoredTransaction] { scored.filter(\.prediction) }

    static let quietLogger: Logger = {
        var logger = Logger(label: "fraud.alerter.tests")
        logger.logLevel = .critical
        return logger
    }()

    /// A bus holding the scored payments (one fraud redelivered unless `redeliver` is false, one record
    /// malformed) and a store.
    struct Harness {
        let bus: EmbeddedBus
        let store: any FraudDatabase

        init(_ name: String, redeliver: Bool = true) async throws {
            let directory = TemporaryDirectory.make(name)
            bus = try EmbeddedBus(path: directory + "/bus")
            store = try await StoreFactory.open("sqlite:" + directory + "/fraud.db", logger: AlerterWorkerTests.quietLogger)
            try await bus.createTopic(PaymentMessages.scoredTopic, partitions: 2)
            var messages = AlerterWorkerTests.scored.map { PaymentMessages.message(for: $0) }
            if redeliver { messages.append(PaymentMessages.message(for: AlerterWorkerTests.frauds[1])) }
            messages.append(BusMessage(topic: PaymentMessages.scoredTopic, key: Array("1".utf8), value: Array("{not json".utf8)))
            try await send(messages)
        }

        func send(_ messages: [BusMessage]) async throws {
            let producer = try await bus.makeProducer()
            try await producer.send(messages)
            try await producer.close()
        }

        /// Starts the worker in a task; request `stop` and await the task to end it.
        func start(_ alerter: AlertDispatcher, _ configuration: AlerterWorker.Configuration) -> (StopSignal, Task<Void, any Error>) {
            let stop = StopSignal()
            let worker = AlerterWorker(configuration: configuration, bus: bus, store: store, alerter: alerter, logger: AlerterWorkerTests.quietLogger)
            return (stop, Task { try await worker.run(stop: stop) })
        }

        func alerts() async throws -> [AlertRecord] {
            try await store.alerts(AlertQuery(limit: 100))
        }

        func close() async throws {
            try await store.close()
            bus.close()
        }
    }

    static let batches = try! AlerterWorker.Configuration(batch: .init(maxRecords: 7, maxWait: .milliseconds(10)))

    @Test func alertsEveryPredictedFraudOnceByWebhookAndEmailOverSTARTTLSAndRecordsIt() async throws {
        let http = try await SinkProcess.start("http_sink.py")
        let smtp = try await SinkProcess.start("smtp_sink.py", ["--starttls"])
        let harness = try await Harness("alerter-e2e")
        let email = try SMTPChannel.Configuration(
            url: "smtp://127.0.0.1:\(smtp.port)", from: "fraud-alerts@bank.test", to: ["analyst@bank.test"],
            tls: SMTPTLSSettings(insecureSkipVerificationForTestServers: true))
        let configuration = AlertDispatcher.Configuration(
            webhook: .init(url: "http://127.0.0.1:\(http.port)/hooks/fraud"), email: email)
        let dispatcher = try AlertDispatcher(configuration: configuration, seed: 1, logger: Self.quietLogger)
        let (stop, task) = harness.start(dispatcher, Self.batches)
        try await Eventually.wait("4 alerts and 1 quarantined record stored") {
            let quarantined = try await harness.store.quarantined(limit: 10).count
            return try await harness.alerts().count == 4 && quarantined == 1
        }
        stop.request()
        try await task.value

        let expected = Set(Self.frauds.map(\.transaction.transNum))
        let requests = try http.records("request")
        #expect(requests.count == 4, "one POST per fraud, the redelivered one included")
        var posted = Set<String>()
        for request in requests {
            #expect(request["path"] as? String == "/hooks/fraud")
            let body = try #require(request["body"] as? String)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
            let transNum = try #require(json["trans_num"] as? String)
            posted.insert(transNum)
            let payment = try #require(Self.frauds.first { $0.transaction.transNum == transNum })
            #expect(json["score"] as? Double == payment.score)
            #expect(json["model_version"] as? String == payment.modelVersion)
            #expect((json["reasons"] as? [[String: Any]])?.count == payment.reasons.count)
            #expect((json["text"] as? String)?.hasPrefix("Possible fraud: $") == true, "Slack-compatible text")
            let card = payment.transaction.ccNum
            #expect(json["cc_num"] as? String == CardNumberMask.masked(card) && !body.contains(String(card)), "only the masked card")
            let texts = (json["reasons"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
            #expect(texts.count == 2 && texts[0].hasSuffix(" (raises the score)") && texts[1].hasSuffix(" (lowers the score)"), "\(texts)")
        }
        #expect(posted == expected)
        let messages = try smtp.records("message")
        #expect(messages.count == 4)
        #expect(messages.allSatisfy { $0["tls"] as? Bool == true }, "STARTTLS was offered, so it was used")
        #expect(messages.allSatisfy { ($0["headers"] as? [String: String])?["Subject"]?.hasPrefix("Possible fraud") == true })
        for message in messages {
            let body = try #require(message["body"] as? String)
            let payment = try #require(Self.frauds.first { body.contains($0.transaction.transNum) })
            #expect(body.contains("Card:      " + CardNumberMask.masked(payment.transaction.ccNum)))
            #expect(!body.contains(String(payment.transaction.ccNum)), "no full card number in the e-mail")
            #expect(body.contains("(raises the score)") && body.contains("(lowers the score)"))
        }

        let stored = try await harness.alerts()
        #expect(Set(stored.map(\.transNum)) == expected)
        for alert in stored {
            let payment = try #require(Self.frauds.first { $0.transaction.transNum == alert.transNum })
            #expect(alert.score == payment.score && alert.reasons == payment.reasons && alert.modelVersion == payment.modelVersion)
            #expect(alert.eventTime == payment.transaction.eventTime && alert.ccNum == payment.transaction.ccNum)
            #expect(alert.deliveries.map(\.channel) == ["webhook", "email"])
            #expect(alert.deliveries.allSatisfy { $0.status == .delivered && $0.attempts == 1 }, "\(alert.deliveries)")
        }
        let quarantined = try #require(try await harness.store.quarantined(limit: 10).first)
        #expect(quarantined.source.hasPrefix("payments.scored["))
        #expect(quarantined.raw == "{not json")

        // Everything was committed: the group has nothing left to read.
        let again = try await harness.bus.makeConsumer(group: "alerter", topics: [PaymentMessages.scoredTopic])
        #expect(try await again.poll(maxRecords: 10, timeout: .milliseconds(100)).isEmpty)
        try await again.close()
        try await harness.close()
    }

    @Test func aFailingWebhookIsRetriedRecordedAndNeverStopsTheWorker() async throws {
        let http = try await SinkProcess.start("http_sink.py", ["--statuses", "503"])
        let smtp = try await SinkProcess.start("smtp_sink.py")
        // No redelivery here: a key whose delivery failed is forgotten, so a redelivered alert would be tried again.
        let harness = try await Harness("alerter-failing", redeliver: false)
        let dispatcher = try AlertDispatcher(
            configuration: .init(
                webhook: .init(url: "http://127.0.0.1:\(http.port)/"),
                email: .init(host: "127.0.0.1", port: smtp.port, from: "fraud-alerts@bank.test", to: ["analyst@bank.test"]),
                retry: try RetryPolicy(maxAttempts: 3, backoff: Backoff(initial: .milliseconds(10), maximum: .milliseconds(20), jitter: 0.5))),
            seed: 2, logger: Self.quietLogger)
        let (stop, task) = harness.start(dispatcher, Self.batches)
        try await Eventually.wait("4 alerts stored") { try await harness.alerts().count == 4 }
        #expect(try http.records("request").count == 12, "3 attempts per alert")
        #expect(try smtp.records("message").count == 4, "the e-mail does not wait for the failing webhook")

        // The worker is still consuming: a new fraud is alerted too.
        let later = StoreFixtures.scored(count: 1, firstIndex: 100)
        #expect(later[0].prediction)
        try await harness.send([PaymentMessages.message(for: later[0])])
        try await Eventually.wait("the later alert stored") { try await harness.alerts().count == 5 }
        stop.request()
        try await task.value
        #expect(try smtp.records("message").count == 5)
        for alert in try await harness.alerts() {
            let webhook = try #require(alert.deliveries.first { $0.channel == "webhook" })
            #expect(webhook.status == .failed && webhook.attempts == 3)
            #expect(webhook.detail?.contains("gave up after 3 attempts") == true && webhook.detail?.contains("HTTP 503") == true)
            #expect(alert.deliveries.first { $0.channel == "email" }?.status == .delivered)
        }
        try await harness.close()
    }

    @Test func configurationNamesTheBadParameter() {
        func parameter(_ make: () throws(ConfigurationError) -> AlerterWorker.Configuration) -> String? {
            do {
                _ = try make()
                return nil
            } catch {
                return error.parameter
            }
        }
        #expect(parameter { () throws(ConfigurationError) in try .init(maxConcurrentDeliveries: 0) } == "maxConcurrentDeliveries")
        #expect(parameter { () throws(ConfigurationError) in try .init(deliveryTimeout: .zero) } == "deliveryTimeout")
        #expect(parameter { () throws(ConfigurationError) in try .init(group: "") } == "group")
        #expect(parameter { () throws(ConfigurationError) in try .init(partitions: 0) } == "partitions")
        #expect(parameter { () throws(ConfigurationError) in try .init() } == nil)
    }

    @Test func aDeliveryWaitingToRetryIsCutOffAtTheDeliveryTimeout() async throws {
        // 503 with Retry-After: 60: without the timeout, every alert would wait a minute before its next attempt.
        let http = try await SinkProcess.start("http_sink.py", ["--statuses", "503", "--retry-after", "60"])
        let harness = try await Harness("alerter-timeout")
        let dispatcher = try AlertDispatcher(
            configuration: .init(webhook: .init(url: "http://127.0.0.1:\(http.port)/")), seed: 3, logger: Self.quietLogger)
        let configuration = try AlerterWorker.Configuration(
            batch: .init(maxRecords: 50, maxWait: .milliseconds(10)), maxConcurrentDeliveries: 2,
            deliveryTimeout: .milliseconds(300))
        let (stop, task) = harness.start(dispatcher, configuration)
        try await Eventually.wait("4 alerts stored") { try await harness.alerts().count == 4 }
        stop.request()
        try await task.value
        #expect(try http.records("request").count == 4, "one attempt each, the retry cut off")
        for alert in try await harness.alerts() {
            #expect(alert.deliveries.map(\.status) == [.failed])
            #expect(alert.deliveries.first?.detail?.hasPrefix("cancelled after 1 attempts") == true, "\(alert.deliveries)")
        }
        try await harness.close()
    }
}
