@testable import FraudAlerting
import FraudCore
import FraudTesting
import Foundation
import Testing

@Suite("E-mail delivery against a local aiosmtpd sink")
struct SMTPDeliveryTests {
    let recipients = ["analyst@bank.test", "oncall@bank.test"]

    func configuration(
        _ sink: SinkProcess, host: String = "127.0.0.1", security: SMTPChannel.Security = .startTLSIfOffered,
        credentials: SMTPChannel.Credentials? = nil, tls: SMTPTLSSettings = SMTPTLSSettings(), to: [String]? = nil
    ) -> SMTPChannel.Configuration {
        SMTPChannel.Configuration(
            host: host, port: sink.port, security: security, credentials: credentials, from: "fraud-alerts@bank.test",
            to: to ?? recipients, timeout: .seconds(20), tls: tls)
    }

    func send(_ message: AlertMessage, _ configuration: SMTPChannel.Configuration, attempts: Int = 3)
        async throws -> (AlertDeliveryOutcome, ManualClock)
    {
        let clock = ManualClock()
        let dispatcher = try AlertDispatcher(
            channels: [try SMTPChannel(configuration: configuration)], retry: try RetryPolicy(maxAttempts: attempts, backoff: RetryPolicy.alertDelivery.backoff),
            clock: clock, seed: 5, logger: Fixtures.quietLogger)
        return (try #require(await dispatcher.send(message).first), clock)
    }

    @Test func sendsAPlainTextMessageToEveryRecipient() async throws {
        let sink = try await SinkProcess.start("smtp_sink.py")
        let (outcome, _) = try await send(Fixtures.alert(), configuration(sink))
        #expect(outcome.status == .delivered, "\(outcome.detail ?? "")")
        #expect(outcome.channel == "email")
        #expect(outcome.detail?.hasPrefix("250 2.0.0 OK queued as sink-0") == true)

        let message = try #require(try sink.records("message").first)
        #expect(message["mail_from"] as? String == "fraud-alerts@bank.test")
        #expect(message["rcpt_tos"] as? [String] == recipients)
        #expect(message["tls"] as? Bool == false, "this sink offers no STARTTLS")
        #expect(message["content_type"] as? String == "text/plain")
        #expect(message["charset"] as? String == "utf-8")
        let headers = try #require(message["headers"] as? [String: String])
        #expect(headers["From"] == "fraud-alerts@bank.test")
        #expect(headers["To"] == "analyst@bank.test, oncall@bank.test")
        #expect(headers["Subject"] == "Possible fraud: $1,077.69 at fraud_Kirlin and Sons (score 0.97)")
        #expect(headers["Date"] == "Tue, 14 Nov 2023 22:13:20 +0000")
        let messageID = try #require(headers["Message-ID"])
        #expect(messageID.hasPrefix("<2da90c7d74bd46a0caf3777415b3ebd3.1700000000000."))
        #expect(messageID.hasSuffix("@bank.test>"))
        let body = try #require(message["body"] as? String)
        #expect(body == AlertText.body(Fixtures.alert()))
        #expect(body.contains("raises the score: amount 12× card mean, 3 payments in the last hour"))
        #expect(body.contains("Card:      229116******7244") && !body.contains("2291163933867244"), "the card is masked")
        #expect(body.contains("at hour 12 (lowers the score)"))
        #expect(body.contains("Payment:   2da90c7d74bd46a0caf3777415b3ebd3"))
        let raw = try #require(message["raw"] as? String)
        #expect(!raw.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line ends in CRLF")
    }

    @Test func linesStartingWithADotSurviveDotStuffing() async throws {
        let sink = try await SinkProcess.start("smtp_sink.py")
        let details = ".env drift\n..two dots\n.\nlast line ."
        let (outcome, _) = try await send(Fixtures.drift(details: details), configuration(sink))
        #expect(outcome.status == .delivered, "\(outcome.detail ?? "")")
        let message = try #require(try sink.records("message").first)
        let body = try #require(message["body"] as? String)
        #expect(body.contains("\n" + details + "\n"))
        #expect((message["headers"] as? [String: String])?["Subject"] == "[warning] Drift detected in 2 of 12 features")
    }

    @Test func startTLSWithACustomCAAndAuthPlain() async throws {
        let sink = try await SinkProcess.start("smtp_sink.py", ["--starttls", "--require-starttls", "--auth", "alerts:pa55"])
        let configuration = configuration(
            sink, host: "localhost", security: .startTLSRequired,
            credentials: .init(username: "alerts", password: "pa55"), tls: SMTPTLSSettings(trustRootsFile: sink.file("ca.pem")))
        let (outcome, _) = try await send(Fixtures.alert(), configuration)
        #expect(outcome.status == .delivered, "\(outcome.detail ?? "")")
        let message = try #require(try sink.records("message").first)
        #expect(message["tls"] as? Bool == true)
        #expect(message["authenticated_as"] as? String == "alerts")
    }

    @Test func startTLSWithoutVerificationAndAuthLogin() async throws {
        let sink = try await SinkProcess.start("smtp_sink.py", ["--starttls", "--auth", "alerts:pa55", "--no-auth-plain"])
        let configuration = configuration(
            sink, credentials: .init(username: "alerts", password: "pa55"),
            tls: SMTPTLSSettings(insecureSkipVerificationForTestServers: true))
        let (outcome, _) = try await send(Fixtures.alert(), configuration)
        #expect(outcome.status == .delivered, "\(outcome.detail ?? "")")
        let message = try #require(try sink.records("message").first)
        #expect(message["tls"] as? Bool == true)
        #expect(message["authenticated_as"] as? String == "alerts")
    }

    @Test func untrustedCertificateIsAPermanentTLSFailure() async throws {
        let sink = try await SinkProcess.start("smtp_sink.py", ["--starttls"])
        let (outcome, clock) = try await send(Fixtures.alert(), configuration(sink, host: "localhost"))
        #expect(outcome.status == .failed)
        #expect(outcome.attempts == 1)
        #expect(outcome.detail?.contains("SMTP TLS") == true, "\(outcome.detail ?? "")")
        #expect(clock.sleeps.isEmpty)
        #expect(try sink.records("message").isEmpty)
    }

    @Test func wrongPasswordNamesTheStageAndTheReplyWithoutTheSecret() async throws {
        let sink = try await SinkProcess.start("smtp_sink.py", ["--starttls", "--auth", "alerts:pa55"])
        let configuration = configuration(
            sink, credentials: .init(username: "alerts", password: "wrong-secret"),
            tls: SMTPTLSSettings(insecureSkipVerificationForTestServers: true))
        let (outcome, _) = try await send(Fixtures.alert(), configuration)
        #expect(outcome.status == .failed)
        let detail = try #require(outcome.detail)
        #expect(detail.contains("SMTP AUTH PLAIN: server replied 535"), "\(detail)")
        #expect(detail.contains("FRAUD_SMTP_PASSWORD"))
        #expect(!detail.contains("wrong-secret"))
    }

    @Test func startTLSRequiredButNotOfferedFailsPermanently() async throws {
        let sink = try await SinkProcess.start("smtp_sink.py")
        let (outcome, _) = try await send(Fixtures.alert(), configuration(sink, security: .startTLSRequired))
        #expect(outcome.status == .failed)
        #expect(outcome.detail?.contains("SMTP STARTTLS: server does not offer STARTTLS") == true)
    }

    @Test func credentialsAreNeverSentInPlainText() async throws {
        let sink = try await SinkProcess.start("smtp_sink.py")
        let (outcome, _) = try await send(
            Fixtures.alert(), configuration(sink, credentials: .init(username: "alerts", password: "pa55")))
        #expect(outcome.status == .failed)
        #expect(outcome.detail?.contains("refusing to send credentials over an unencrypted connection") == true)
    }

    @Test func transientRecipientFailureIsRetried() async throws {
        let sink = try await SinkProcess.start("smtp_sink.py", ["--transient-rcpt-failures", "1"])
        let (outcome, clock) = try await send(Fixtures.alert(), configuration(sink))
        #expect(outcome.status == .delivered, "\(outcome.detail ?? "")")
        #expect(outcome.attempts == 2)
        #expect(clock.sleeps.count == 1)
        let messages = try sink.records("message")
        #expect(messages.count == 1, "the failed attempt sent no DATA, so nobody gets the alert twice")
        #expect(messages.first?["rcpt_tos"] as? [String] == recipients)
    }

    @Test func rejectedRecipientIsAPermanentFailureNamingTheRecipient() async throws {
        let sink = try await SinkProcess.start("smtp_sink.py", ["--reject", "gone@bank.test"])
        let (outcome, _) = try await send(
            Fixtures.alert(), configuration(sink, to: ["analyst@bank.test", "gone@bank.test"]))
        #expect(outcome.status == .failed)
        #expect(outcome.attempts == 1)
        #expect(outcome.detail?.contains("SMTP RCPT TO <gone@bank.test>: server replied 550 5.1.1") == true, "\(outcome.detail ?? "")")
        #expect(try sink.records("message").isEmpty)
    }

    @Test func webhookAndEmailTogetherAreIndependent() async throws {
        let smtp = try await SinkProcess.start("smtp_sink.py")
        let http = try await SinkProcess.start("http_sink.py", ["--statuses", "400"])
        let clock = ManualClock()
        let dispatcher = try AlertDispatcher(
            configuration: .init(
                webhook: .init(url: "http://127.0.0.1:\(http.port)/"), email: configuration(smtp)),
            clock: clock, seed: 9, logger: Fixtures.quietLogger)
        #expect(dispatcher.channelNames == ["webhook", "email"])
        let first = await dispatcher.send(Fixtures.alert())
        #expect(first.map(\.status) == [.failed, .delivered])
        // Redelivered from the bus: the e-mail is a duplicate, the webhook is tried again.
        let second = await dispatcher.send(Fixtures.alert())
        #expect(second.map(\.status) == [.failed, .duplicate])
        #expect(try smtp.records("message").count == 1)
        #expect(try http.records("request").count == 2)
    }
}
