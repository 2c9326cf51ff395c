import ArgumentParser
import Foundation
import FraudAlerting

/// The alert channels as the environment sets them (docs/alerter.md), as text; a blank variable counts as unset.
/// `configuration(overriding:)` checks them into the typed `AlertDispatcher.Configuration`.
///
/// | variable | meaning |
/// |---|---|
/// | `FRAUD_ALERT_WEBHOOK_URL` | webhook endpoint (enables the webhook) |
/// | `FRAUD_ALERT_WEBHOOK_TOKEN` | bearer token for the webhook |
/// | `FRAUD_ALERT_WEBHOOK_TIMEOUT` | seconds per attempt (default 10) |
/// | `FRAUD_SMTP_URL` | `smtp://host[:port]`, `smtp+starttls://`, `smtps://`, `smtp+plain://` (enables e-mail) |
/// | `FRAUD_SMTP_USER`, `FRAUD_SMTP_PASSWORD` | AUTH credentials (both or neither) |
/// | `FRAUD_SMTP_CA_FILE` | PEM file of CAs to trust |
/// | `FRAUD_SMTP_INSECURE_SKIP_VERIFY` | `1` to skip certificate checks (test servers only) |
/// | `FRAUD_ALERT_EMAIL_FROM` | sender address (required with `FRAUD_SMTP_URL`) |
/// | `FRAUD_ALERT_EMAIL_TO` | comma-separated recipients (required with `FRAUD_SMTP_URL`) |
/// | `FRAUD_ALERT_MAX_ATTEMPTS` | attempts per delivery (default 5) |
struct AlertSettings {
    /// Settings given on the command line (`fraud alert test`'s flags): each one set replaces the environment's.
    struct Overrides {
        var webhookURL: String?
        var smtpURL: String?
        var emailFrom: String?
        var emailTo: [String]?
        var maxAttempts: Int?
    }

    var webhookURL: String?
    var webhookToken: String?
    var webhookTimeout: String?
    var smtpURL: String?
    var smtpUser: String?
    var smtpPassword: String?
    var smtpCAFile: String?
    var smtpInsecureSkipVerify: String?
    var emailFrom: String?
    var emailTo: String?
    var maxAttempts: String?

    /// The settings of `environment` (the process's by default).
    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        func value(_ variable: String) -> String? {
            environment[variable].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        }
        webhookURL = value("FRAUD_ALERT_WEBHOOK_URL")
        webhookToken = value("FRAUD_ALERT_WEBHOOK_TOKEN")
        webhookTimeout = value("FRAUD_ALERT_WEBHOOK_TIMEOUT")
        smtpURL = value("FRAUD_SMTP_URL")
        smtpUser = value("FRAUD_SMTP_USER")
        smtpPassword = value("FRAUD_SMTP_PASSWORD")
        smtpCAFile = value("FRAUD_SMTP_CA_FILE")
        smtpInsecureSkipVerify = value("FRAUD_SMTP_INSECURE_SKIP_VERIFY")
        emailFrom = value("FRAUD_ALERT_EMAIL_FROM")
        emailTo = value("FRAUD_ALERT_EMAIL_TO")
        maxAttempts = value("FRAUD_ALERT_MAX_ATTEMPTS")
    }

    /// `configuration(overriding:)` for a command: a bad setting is a usage error naming its variable.
    func commandConfiguration(overriding overrides: Overrides = Overrides()) throws -> AlertDispatcher.Configuration {
        do {
            return try configuration(overriding: overrides)
        } catch {
            throw ValidationError(error.description)
        }
    }
}
