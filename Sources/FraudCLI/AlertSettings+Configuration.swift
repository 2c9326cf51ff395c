import Foundation
import FraudAlerting
import FraudCore

extension AlertSettings {
    /// The channels and retries these settings configure, with `overrides` over them (none set: no channel, the
    /// defaults of `AlertDispatcher.Configuration`). Throws naming the bad variable, never echoing a secret.
    func configuration(overriding overrides: Overrides = Overrides()) throws(ConfigurationError) -> AlertDispatcher.Configuration {
        var configuration = AlertDispatcher.Configuration()
        if let attempts = overrides.maxAttempts {
            configuration.retry = try RetryPolicy(maxAttempts: attempts, backoff: RetryPolicy.alertDelivery.backoff)
        } else if let text = maxAttempts {
            guard let count = Int(text), count >= 1 else {
                throw ConfigurationError(parameter: "FRAUD_ALERT_MAX_ATTEMPTS", value: text, reason: "must be a whole number >= 1")
            }
            configuration.retry = try RetryPolicy(maxAttempts: count, backoff: RetryPolicy.alertDelivery.backoff)
        }
        configuration.webhook = try webhook(url: overrides.webhookURL ?? webhookURL)
        if let url = overrides.smtpURL ?? smtpURL {
            let to = overrides.emailTo ?? emailTo.map {
                $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
            configuration.email = try email(url: url, from: overrides.emailFrom ?? emailFrom, to: to)
        }
        return configuration
    }

    private func webhook(url: String?) throws(ConfigurationError) -> WebhookChannel.Configuration? {
        guard let url else {
            guard webhookToken == nil else {
                throw ConfigurationError(parameter: "FRAUD_ALERT_WEBHOOK_URL", value: "", reason: "must be set when FRAUD_ALERT_WEBHOOK_TOKEN is")
            }
            return nil
        }
        var webhook = WebhookChannel.Configuration(url: url, bearerToken: webhookToken)
        if let timeout = webhookTimeout {
            guard let seconds = Double(timeout), seconds > 0, seconds.isFinite else {
                throw ConfigurationError(parameter: "FRAUD_ALERT_WEBHOOK_TIMEOUT", value: timeout, reason: "must be a positive number of seconds")
            }
            webhook.timeout = .milliseconds(Int64(seconds * 1000))
        }
        _ = try Self.naming(["url": "FRAUD_ALERT_WEBHOOK_URL"]) { () throws(ConfigurationError) in
            try WebhookChannel(configuration: webhook)
        }
        return webhook
    }

    private func email(url: String, from: String?, to: [String]?) throws(ConfigurationError) -> SMTPChannel.Configuration {
        let variables = [
            "url": "FRAUD_SMTP_URL", "port": "FRAUD_SMTP_URL", "from": "FRAUD_ALERT_EMAIL_FROM", "to": "FRAUD_ALERT_EMAIL_TO",
            "trustRootsFile": "FRAUD_SMTP_CA_FILE",
        ]
        // The URL first: a bad one is named even when the sender and recipients are missing too.
        var email = try Self.naming(variables) { () throws(ConfigurationError) in
            try SMTPChannel.Configuration(url: url, from: from ?? "", to: to ?? [])
        }
        guard from != nil else {
            throw ConfigurationError(parameter: "FRAUD_ALERT_EMAIL_FROM", value: "", reason: "must be set when FRAUD_SMTP_URL is")
        }
        guard to != nil else {
            throw ConfigurationError(parameter: "FRAUD_ALERT_EMAIL_TO", value: "", reason: "must be set when FRAUD_SMTP_URL is")
        }
        switch (smtpUser, smtpPassword) {
        case (let user?, let password?): email.credentials = SMTPChannel.Credentials(username: user, password: password)
        case (nil, nil): email.credentials = nil
        case (nil, _?): throw ConfigurationError(parameter: "FRAUD_SMTP_USER", value: "", reason: "must be set when FRAUD_SMTP_PASSWORD is")
        case (_?, nil): throw ConfigurationError(parameter: "FRAUD_SMTP_PASSWORD", value: "", reason: "must be set when FRAUD_SMTP_USER is")
        }
        if let flag = smtpInsecureSkipVerify {
            switch flag.lowercased() {
            case "1", "true", "yes": email.tls.insecureSkipVerificationForTestServers = true
            case "0", "false", "no": email.tls.insecureSkipVerificationForTestServers = false
            default: throw ConfigurationError(parameter: "FRAUD_SMTP_INSECURE_SKIP_VERIFY", value: flag, reason: "must be 1 or 0")
            }
        }
        email.tls.trustRootsFile = smtpCAFile
        _ = try Self.naming(variables) { () throws(ConfigurationError) in try SMTPChannel(configuration: email) }
        return email
    }

    /// `check()`, its error renamed from the library's parameter to the variable that set it.
    private static func naming<T>(
        _ variables: [String: String], _ check: () throws(ConfigurationError) -> T
    ) throws(ConfigurationError) -> T {
        do {
            return try check()
        } catch {
            throw ConfigurationError(parameter: variables[error.parameter] ?? error.parameter, value: error.value, reason: error.reason)
        }
    }
}
