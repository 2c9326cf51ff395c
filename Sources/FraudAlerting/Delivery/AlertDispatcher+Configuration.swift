import FraudCore
import Foundation
import Logging

extension AlertDispatcher {
    /// Which channels to use and how to retry; each part has documented defaults.
    public struct Configuration: Hashable, Sendable {
        /// The webhook, or `nil` for none.
        public var webhook: WebhookChannel.Configuration?
        /// The e-mail channel, or `nil` for none.
        public var email: SMTPChannel.Configuration?
        /// Retries of failed attempts. Default: 5 attempts, 1 s doubling to 60 s, half jitter.
        public var retry: RetryPolicy
        /// Delivered keys remembered per channel for de-duplication. Default 100,000 (about 10 MB).
        public var deduplicationCapacity: Int

        public init(
            webhook: WebhookChannel.Configuration? = nil, email: SMTPChannel.Configuration? = nil,
            retry: RetryPolicy = .standard, deduplicationCapacity: Int = 100_000
        ) {
            self.webhook = webhook
            self.email = email
            self.retry = retry
            self.deduplicationCapacity = deduplicationCapacity
        }

        /// No channel configured: alerts are only returned as outcomes (nothing is sent).
        public var isEmpty: Bool { webhook == nil && email == nil }
    }

    /// A dispatcher over the configured channels (webhook first, then e-mail).
    public init(
        configuration: Configuration, clock: any AlertClock = SystemAlertClock(), seed: UInt64? = nil,
        logger: Logger = Logger(label: "fraud.alerting")
    ) throws(ConfigurationError) {
        var channels: [any AlertChannel] = []
        if let webhook = configuration.webhook { channels.append(try WebhookChannel(configuration: webhook)) }
        if let email = configuration.email { channels.append(try SMTPChannel(configuration: email)) }
        try self.init(
            channels: channels, retry: configuration.retry, deduplicationCapacity: configuration.deduplicationCapacity,
            clock: clock, seed: seed, logger: logger)
    }
}

extension AlertDispatcher.Configuration {
    /// Reads the `FRAUD_ALERT_*` and `FRAUD_SMTP_*` variables; throws naming the bad variable.
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
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) throws(ConfigurationError) {
        self.init(webhook: nil)
        let env = environment.filter { !$0.value.trimmingCharacters(in: .whitespaces).isEmpty }
        if let attempts = env["FRAUD_ALERT_MAX_ATTEMPTS"] {
            guard let count = Int(attempts), count >= 1 else {
                throw ConfigurationError(parameter: "FRAUD_ALERT_MAX_ATTEMPTS", value: attempts, reason: "must be a whole number >= 1")
            }
            retry = try RetryPolicy(maxAttempts: count)
        }
        if let url = env["FRAUD_ALERT_WEBHOOK_URL"] {
            var webhook = WebhookChannel.Configuration(url: url, bearerToken: env["FRAUD_ALERT_WEBHOOK_TOKEN"])
            if let timeout = env["FRAUD_ALERT_WEBHOOK_TIMEOUT"] {
                guard let seconds = Double(timeout), seconds > 0, seconds.isFinite else {
                    throw ConfigurationError(parameter: "FRAUD_ALERT_WEBHOOK_TIMEOUT", value: timeout, reason: "must be a positive number of seconds")
                }
                webhook.timeout = .milliseconds(Int64(seconds * 1000))
            }
            do {
                _ = try WebhookChannel(configuration: webhook)
            } catch {
                throw ConfigurationError(parameter: "FRAUD_ALERT_WEBHOOK_URL", value: url, reason: error.reason)
            }
            self.webhook = webhook
        } else if env["FRAUD_ALERT_WEBHOOK_TOKEN"] != nil {
            throw ConfigurationError(parameter: "FRAUD_ALERT_WEBHOOK_URL", value: "", reason: "must be set when FRAUD_ALERT_WEBHOOK_TOKEN is")
        }
        if let url = env["FRAUD_SMTP_URL"] {
            email = try Self.email(url: url, env)
        }
    }

    private static func email(url: String, _ env: [String: String]) throws(ConfigurationError) -> SMTPChannel.Configuration {
        let target = try SMTPURL(url)
        guard let from = env["FRAUD_ALERT_EMAIL_FROM"] else {
            throw ConfigurationError(parameter: "FRAUD_ALERT_EMAIL_FROM", value: "", reason: "must be set when FRAUD_SMTP_URL is")
        }
        guard let toList = env["FRAUD_ALERT_EMAIL_TO"] else {
            throw ConfigurationError(parameter: "FRAUD_ALERT_EMAIL_TO", value: "", reason: "must be set when FRAUD_SMTP_URL is")
        }
        let to = toList.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var credentials: SMTPChannel.Credentials?
        switch (env["FRAUD_SMTP_USER"], env["FRAUD_SMTP_PASSWORD"]) {
        case (let user?, let password?): credentials = SMTPChannel.Credentials(username: user, password: password)
        case (nil, nil): credentials = nil
        case (nil, _?): throw ConfigurationError(parameter: "FRAUD_SMTP_USER", value: "", reason: "must be set when FRAUD_SMTP_PASSWORD is")
        case (_?, nil): throw ConfigurationError(parameter: "FRAUD_SMTP_PASSWORD", value: "", reason: "must be set when FRAUD_SMTP_USER is")
        }
        var insecure = false
        if let flag = env["FRAUD_SMTP_INSECURE_SKIP_VERIFY"] {
            switch flag.lowercased() {
            case "1", "true", "yes": insecure = true
            case "0", "false", "no": insecure = false
            default: throw ConfigurationError(parameter: "FRAUD_SMTP_INSECURE_SKIP_VERIFY", value: flag, reason: "must be 1 or 0")
            }
        }
        let configuration = SMTPChannel.Configuration(
            host: target.host, port: target.port, security: target.security, credentials: credentials, from: from, to: to,
            tls: SMTPTLSSettings(trustRootsFile: env["FRAUD_SMTP_CA_FILE"], insecureSkipVerificationForTestServers: insecure))
        do {
            _ = try SMTPChannel(configuration: configuration)
        } catch {
            let variable = switch error.parameter {
            case "from": "FRAUD_ALERT_EMAIL_FROM"
            case "to": "FRAUD_ALERT_EMAIL_TO"
            case "port": "FRAUD_SMTP_URL"
            default: error.parameter
            }
            throw ConfigurationError(parameter: variable, value: error.value, reason: error.reason)
        }
        return configuration
    }
}

/// `smtp://host[:port]` and its variants, parsed by hand; credentials in the URL are refused.
struct SMTPURL {
    var host: String
    var port: Int?
    var security: SMTPChannel.Security

    init(_ url: String) throws(ConfigurationError) {
        func bad(_ reason: String) -> ConfigurationError {
            // Never echo a URL that might carry a password.
            ConfigurationError(parameter: "FRAUD_SMTP_URL", value: url.contains("@") ? "<redacted>" : url, reason: reason)
        }
        guard let separator = url.range(of: "://") else { throw bad("expected smtp://host[:port]") }
        switch url[..<separator.lowerBound].lowercased() {
        case "smtp": security = .startTLSIfOffered
        case "smtp+starttls": security = .startTLSRequired
        case "smtps": security = .implicitTLS
        case "smtp+plain": security = .none
        default: throw bad("scheme must be smtp, smtp+starttls, smtps or smtp+plain")
        }
        var authority = Substring(url[separator.upperBound...])
        while authority.last == "/" { authority.removeLast() }
        guard !authority.contains("@") else {
            throw bad("credentials belong in FRAUD_SMTP_USER and FRAUD_SMTP_PASSWORD, not in the URL")
        }
        guard !authority.contains("/"), !authority.contains("?") else { throw bad("expected no path or query") }
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw bad("unclosed IPv6 bracket") }
            host = String(authority[authority.index(after: authority.startIndex)..<close])
            authority = authority[authority.index(after: close)...]
        } else {
            let hostEnd = authority.firstIndex(of: ":") ?? authority.endIndex
            host = String(authority[..<hostEnd])
            authority = authority[hostEnd...]
        }
        guard !host.isEmpty else { throw bad("missing host") }
        if authority.isEmpty {
            port = nil
        } else {
            guard authority.first == ":", let number = Int(authority.dropFirst()), (1...65_535).contains(number) else {
                throw bad("port must be a number in 1...65535")
            }
            port = number
        }
    }
}
