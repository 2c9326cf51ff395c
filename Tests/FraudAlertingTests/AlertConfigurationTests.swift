@testable import FraudAlerting
import FraudCore
import Testing

@Suite("Alerting configuration from the environment")
struct AlertConfigurationTests {
    @Test func emptyEnvironmentConfiguresNoChannel() throws {
        let configuration = try AlertDispatcher.Configuration(environment: [:])
        #expect(configuration.isEmpty)
        #expect(configuration.retry == .standard)
        #expect(configuration.deduplicationCapacity == 100_000)
    }

    @Test func readsEveryVariable() throws {
        let configuration = try AlertDispatcher.Configuration(environment: [
            "FRAUD_ALERT_WEBHOOK_URL": "https://hooks.example.com/T000/B000/XXX",
            "FRAUD_ALERT_WEBHOOK_TOKEN": "tok",
            "FRAUD_ALERT_WEBHOOK_TIMEOUT": "2.5",
            "FRAUD_SMTP_URL": "smtp+starttls://mail.example.com",
            "FRAUD_SMTP_USER": "alerts",
            "FRAUD_SMTP_PASSWORD": "pw",
            "FRAUD_ALERT_EMAIL_FROM": "fraud@example.com",
            "FRAUD_ALERT_EMAIL_TO": "a@example.com, b@example.com,",
            "FRAUD_ALERT_MAX_ATTEMPTS": "3",
        ])
        let webhook = try #require(configuration.webhook)
        #expect(webhook.url == "https://hooks.example.com/T000/B000/XXX")
        #expect(webhook.bearerToken == "tok")
        #expect(webhook.timeout == .milliseconds(2500))
        let email = try #require(configuration.email)
        #expect(email.host == "mail.example.com")
        #expect(email.port == 587)
        #expect(email.security == .startTLSRequired)
        #expect(email.credentials == .init(username: "alerts", password: "pw"))
        #expect(email.tls.trustRootsFile == nil)
        #expect(!email.tls.insecureSkipVerificationForTestServers)
        #expect(email.from == "fraud@example.com")
        #expect(email.to == ["a@example.com", "b@example.com"])
        #expect(configuration.retry.maxAttempts == 3)
        #expect(!"\(email.credentials!)".contains("pw"), "credentials never print")
    }

    @Test func smtpURLForms() throws {
        let cases: [(String, String, Int, SMTPChannel.Security)] = [
            ("smtp://relay", "relay", 25, .startTLSIfOffered),
            ("smtp://127.0.0.1:2525/", "127.0.0.1", 2525, .startTLSIfOffered),
            ("smtps://mail.example.com", "mail.example.com", 465, .implicitTLS),
            ("smtp+plain://[::1]:1025", "::1", 1025, .none),
        ]
        for (url, host, port, security) in cases {
            let email = try #require(try AlertDispatcher.Configuration(environment: [
                "FRAUD_SMTP_URL": url, "FRAUD_ALERT_EMAIL_FROM": "f@x.test", "FRAUD_ALERT_EMAIL_TO": "t@x.test",
            ]).email)
            #expect(email.host == host)
            #expect(email.port == port)
            #expect(email.security == security)
        }
    }

    @Test(arguments: [
        (["FRAUD_SMTP_URL": "http://mail"], "FRAUD_SMTP_URL"),
        (["FRAUD_SMTP_URL": "smtp://user:pw@mail"], "FRAUD_SMTP_URL"),
        (["FRAUD_SMTP_URL": "smtp://mail:99999"], "FRAUD_SMTP_URL"),
        (["FRAUD_SMTP_URL": "smtp://mail"], "FRAUD_ALERT_EMAIL_FROM"),
        (["FRAUD_SMTP_URL": "smtp://mail", "FRAUD_ALERT_EMAIL_FROM": "f@x.test"], "FRAUD_ALERT_EMAIL_TO"),
        (["FRAUD_SMTP_URL": "smtp://mail", "FRAUD_ALERT_EMAIL_FROM": "nobody", "FRAUD_ALERT_EMAIL_TO": "t@x.test"], "FRAUD_ALERT_EMAIL_FROM"),
        (["FRAUD_SMTP_URL": "smtp://mail", "FRAUD_ALERT_EMAIL_FROM": "f@x.test", "FRAUD_ALERT_EMAIL_TO": "t@x.test, bad address"], "FRAUD_ALERT_EMAIL_TO"),
        (["FRAUD_SMTP_URL": "smtp://mail", "FRAUD_ALERT_EMAIL_FROM": "f@x.test", "FRAUD_ALERT_EMAIL_TO": "t@x.test", "FRAUD_SMTP_PASSWORD": "pw"], "FRAUD_SMTP_USER"),
        (["FRAUD_SMTP_URL": "smtp://mail", "FRAUD_ALERT_EMAIL_FROM": "f@x.test", "FRAUD_ALERT_EMAIL_TO": "t@x.test", "FRAUD_SMTP_INSECURE_SKIP_VERIFY": "maybe"], "FRAUD_SMTP_INSECURE_SKIP_VERIFY"),
        (["FRAUD_SMTP_URL": "smtps://mail", "FRAUD_ALERT_EMAIL_FROM": "f@x.test", "FRAUD_ALERT_EMAIL_TO": "t@x.test", "FRAUD_SMTP_CA_FILE": "/nonexistent/ca.pem"], "FRAUD_SMTP_CA_FILE"),
        (["FRAUD_ALERT_WEBHOOK_URL": "ftp://x"], "FRAUD_ALERT_WEBHOOK_URL"),
        (["FRAUD_ALERT_WEBHOOK_TOKEN": "t"], "FRAUD_ALERT_WEBHOOK_URL"),
        (["FRAUD_ALERT_WEBHOOK_URL": "http://x", "FRAUD_ALERT_WEBHOOK_TIMEOUT": "-1"], "FRAUD_ALERT_WEBHOOK_TIMEOUT"),
        (["FRAUD_ALERT_MAX_ATTEMPTS": "0"], "FRAUD_ALERT_MAX_ATTEMPTS"),
    ])
    func errorsNameTheVariable(environment: [String: String], variable: String) {
        #expect {
            try AlertDispatcher.Configuration(environment: environment)
        } throws: { error in
            guard let error = error as? ConfigurationError else { return false }
            return error.parameter == variable && !error.value.contains("pw")
        }
    }
}
