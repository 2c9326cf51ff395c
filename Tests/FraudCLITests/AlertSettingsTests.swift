@testable import FraudCLI
import FraudAlerting
import FraudCore
import Testing

/// The alert channels as the CLI reads them from `FRAUD_ALERT_*` / `FRAUD_SMTP_*`, and `fraud alert test`'s flags over them.
@Suite("Alert settings from the environment")
struct AlertSettingsTests {
    @Test func emptyOrBlankEnvironmentConfiguresNoChannel() throws {
        for environment in [[:], ["FRAUD_ALERT_WEBHOOK_URL": "", "FRAUD_SMTP_URL": "  "]] {
            let configuration = try AlertSettings(environment: environment).configuration()
            #expect(configuration == AlertDispatcher.Configuration())
        }
    }

    @Test func readsEveryVariable() throws {
        let configuration = try AlertSettings(environment: [
            "FRAUD_ALERT_WEBHOOK_URL": "https://hooks.example.com/T000/B000/XXX",
            "FRAUD_ALERT_WEBHOOK_TOKEN": "tok",
            "FRAUD_ALERT_WEBHOOK_TIMEOUT": "2.5",
            "FRAUD_SMTP_URL": "smtp+starttls://mail.example.com",
            "FRAUD_SMTP_USER": "alerts",
            "FRAUD_SMTP_PASSWORD": "pw",
            "FRAUD_SMTP_INSECURE_SKIP_VERIFY": "0",
            "FRAUD_ALERT_EMAIL_FROM": "fraud@example.com",
            "FRAUD_ALERT_EMAIL_TO": "a@example.com, b@example.com,",
            "FRAUD_ALERT_MAX_ATTEMPTS": "3",
        ]).configuration()
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
    }

    @Test func flagsOverrideTheEnvironment() throws {
        let settings = AlertSettings(environment: [
            "FRAUD_ALERT_WEBHOOK_URL": "https://hooks.example.com/from-environment",
            "FRAUD_ALERT_WEBHOOK_TOKEN": "tok",
            "FRAUD_SMTP_URL": "smtps://mail.example.com",
            "FRAUD_SMTP_INSECURE_SKIP_VERIFY": "1",
            "FRAUD_ALERT_EMAIL_FROM": "fraud@example.com",
            "FRAUD_ALERT_EMAIL_TO": "a@example.com",
            "FRAUD_ALERT_MAX_ATTEMPTS": "3",
        ])
        let configuration = try settings.configuration(overriding: AlertSettings.Overrides(
            webhookURL: "http://127.0.0.1:8080/hook", smtpURL: "smtp+plain://127.0.0.1:1025", emailFrom: "test@bank.test",
            emailTo: ["analyst@bank.test", "oncall@bank.test"], maxAttempts: 1))
        let webhook = try #require(configuration.webhook)
        #expect(webhook.url == "http://127.0.0.1:8080/hook")
        #expect(webhook.bearerToken == "tok", "a setting without a flag stays the environment's")
        let email = try #require(configuration.email)
        #expect(email.host == "127.0.0.1")
        #expect(email.port == 1025)
        #expect(email.security == .none)
        #expect(email.from == "test@bank.test")
        #expect(email.to == ["analyst@bank.test", "oncall@bank.test"])
        #expect(email.tls.insecureSkipVerificationForTestServers)
        #expect(configuration.retry.maxAttempts == 1)
    }

    @Test func aFlagStandsInForAMissingVariable() throws {
        let configuration = try AlertSettings(environment: [:]).configuration(overriding: AlertSettings.Overrides(
            smtpURL: "smtp://127.0.0.1:1025", emailFrom: "fraud-alerts@localhost", emailTo: ["analyst@bank.test"]))
        #expect(configuration.webhook == nil)
        #expect(try #require(configuration.email).to == ["analyst@bank.test"])
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
            try AlertSettings(environment: environment).configuration()
        } throws: { error in
            guard let error = error as? ConfigurationError else { return false }
            return error.parameter == variable && !error.value.contains("pw")
        }
    }
}
