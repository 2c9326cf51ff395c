@testable import FraudAlerting
import FraudCore
import Testing

@Suite("Alerting configuration values")
struct AlertConfigurationTests {
    @Test func defaultConfigurationHasNoChannel() {
        let configuration = AlertDispatcher.Configuration()
        #expect(configuration.isEmpty)
        #expect(configuration.retry == .alertDelivery)
        #expect(configuration.retry.maxAttempts == 5 && configuration.retry.backoff.maximum == .seconds(60))
        #expect(configuration.deduplicationCapacity == 100_000)
    }

    @Test func smtpURLForms() throws {
        let cases: [(String, String, Int, SMTPChannel.Security)] = [
            ("smtp://relay", "relay", 25, .startTLSIfOffered),
            ("smtp+starttls://mail.example.com", "mail.example.com", 587, .startTLSRequired),
            ("smtp://127.0.0.1:2525/", "127.0.0.1", 2525, .startTLSIfOffered),
            ("smtps://mail.example.com", "mail.example.com", 465, .implicitTLS),
            ("smtp+plain://[::1]:1025", "::1", 1025, .none),
        ]
        for (url, host, port, security) in cases {
            let email = try SMTPChannel.Configuration(url: url, from: "f@x.test", to: ["t@x.test"])
            #expect(email.host == host)
            #expect(email.port == port)
            #expect(email.security == security)
        }
    }

    @Test func credentialsNeverPrint() {
        #expect(!"\(SMTPChannel.Credentials(username: "alerts", password: "pw"))".contains("pw"))
    }

    @Test(arguments: ["http://mail", "smtp://user:pw@mail", "smtp://mail:99999", "smtp://", "smtp://mail/path"])
    func badSMTPURLsAreNamedWithoutTheSecret(url: String) {
        #expect {
            try SMTPChannel.Configuration(url: url, from: "f@x.test", to: ["t@x.test"])
        } throws: { error in
            guard let error = error as? ConfigurationError else { return false }
            return error.parameter == "url" && !error.value.contains("pw")
        }
    }

    @Test(arguments: [
        (SMTPChannel.Configuration(host: "mail", from: "nobody", to: ["t@x.test"]), "from"),
        (SMTPChannel.Configuration(host: "mail", from: "f@x.test", to: ["t@x.test", "bad address"]), "to"),
        (SMTPChannel.Configuration(host: "mail", from: "f@x.test", to: []), "to"),
        (SMTPChannel.Configuration(host: "mail", port: 0, from: "f@x.test", to: ["t@x.test"]), "port"),
        (SMTPChannel.Configuration(host: "mail", security: .implicitTLS, from: "f@x.test", to: ["t@x.test"],
                                   tls: SMTPTLSSettings(trustRootsFile: "/nonexistent/ca.pem")), "trustRootsFile"),
    ])
    func emailChannelNamesTheBadParameter(configuration: SMTPChannel.Configuration, parameter: String) {
        #expect { try SMTPChannel(configuration: configuration) } throws: { ($0 as? ConfigurationError)?.parameter == parameter }
    }

    @Test func webhookChannelNamesTheBadURL() {
        #expect(throws: ConfigurationError(parameter: "url", value: "ftp://x", reason: "not an http(s) URL")) {
            try WebhookChannel(configuration: .init(url: "ftp://x"))
        }
    }
}
