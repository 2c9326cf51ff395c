import FraudCore

/// Delivers alerts as plain-text e-mail over SMTP (one connection per alert; alerts are rare).
///
/// Server replies 4xx, timeouts and connection failures are transient (retried by the dispatcher);
/// 5xx replies, TLS failures and refused credentials are permanent.
package struct SMTPChannel: AlertChannel {
    /// How the connection is protected.
    package enum Security: String, Hashable, Sendable {
        /// `smtp://`: STARTTLS when the server offers it, plain text otherwise.
        case startTLSIfOffered
        /// `smtp+starttls://`: STARTTLS or fail.
        case startTLSRequired
        /// `smtps://`: TLS from the first byte (port 465).
        case implicitTLS
        /// `smtp+plain://`: never STARTTLS (local relays and test sinks only).
        case none
    }

    /// A user name and password for AUTH; never logged (its description is redacted).
    package struct Credentials: Hashable, Sendable, CustomStringConvertible {
        package var username: String
        package var password: String
        package init(username: String, password: String) {
            self.username = username
            self.password = password
        }
        package var description: String { "Credentials(username: <redacted>, password: <redacted>)" }
    }

    /// Where to send, as whom, to whom.
    package struct Configuration: Hashable, Sendable {
        package var host: String
        /// Default by security: 25 (`smtp`), 587 (`smtp+starttls`), 465 (`smtps`).
        package var port: Int
        package var security: Security
        package var credentials: Credentials?
        /// Envelope and header sender, e.g. `fraud-alerts@example.com`.
        package var from: String
        /// Recipients; at least one.
        package var to: [String]
        /// Name announced in EHLO. Default `localhost`.
        package var heloName: String
        /// Deadline of one whole SMTP session. Default 30 s.
        package var timeout: Duration
        /// Deadline of the TCP connection. Default 10 s.
        package var connectTimeout: Duration
        /// Trust and verification for STARTTLS or implicit TLS.
        package var tls: SMTPTLSSettings
        /// Send AUTH over an unencrypted connection. Default `false`: credentials need TLS.
        package var allowPlaintextAuthentication: Bool

        package init(
            host: String, port: Int? = nil, security: Security = .startTLSIfOffered, credentials: Credentials? = nil,
            from: String, to: [String], heloName: String = "localhost", timeout: Duration = .seconds(30),
            connectTimeout: Duration = .seconds(10), tls: SMTPTLSSettings = SMTPTLSSettings(),
            allowPlaintextAuthentication: Bool = false
        ) {
            self.host = host
            self.port = port ?? Self.defaultPort(security)
            self.security = security
            self.credentials = credentials
            self.from = from
            self.to = to
            self.heloName = heloName
            self.timeout = timeout
            self.connectTimeout = connectTimeout
            self.tls = tls
            self.allowPlaintextAuthentication = allowPlaintextAuthentication
        }

        /// The usual port of each security mode.
        package static func defaultPort(_ security: Security) -> Int {
            switch security {
            case .startTLSIfOffered, .none: 25
            case .startTLSRequired: 587
            case .implicitTLS: 465
            }
        }
    }

    package let name = "email"
    package let configuration: Configuration
    private let client: SMTPClient

    /// A channel; throws naming the parameter when an address is malformed or the CA file cannot be read.
    package init(configuration: Configuration) throws(ConfigurationError) {
        for (parameter, address) in [("from", configuration.from)] + configuration.to.map({ ("to", $0) }) {
            guard Self.isPlausibleAddress(address) else {
                throw ConfigurationError(parameter: parameter, value: address, reason: "not an e-mail address like name@example.com")
            }
        }
        guard !configuration.to.isEmpty else {
            throw ConfigurationError(parameter: "to", value: "", reason: "needs at least one recipient")
        }
        guard (1...65_535).contains(configuration.port) else {
            throw ConfigurationError(parameter: "port", value: String(configuration.port), reason: "must be in 1...65535")
        }
        self.configuration = configuration
        self.client = try SMTPClient(configuration: configuration)
    }

    package func deliver(_ message: AlertMessage) async throws(AlertChannelError) -> String? {
        var random = SystemRandomNumberGenerator()
        let email = EmailMessage(
            from: configuration.from, to: configuration.to, subject: AlertText.subject(message),
            body: AlertText.body(message), date: message.createdAt,
            messageID: EmailMessage.messageID(
                key: message.deduplicationKey, date: message.createdAt, from: configuration.from, random: random.next()))
        do {
            return try await client.send(email)
        } catch {
            throw AlertChannelError(isRetryable: error.isTransient, reason: error.description)
        }
    }

    /// `local@domain` without spaces, angle brackets or line breaks (they would break the SMTP command).
    static func isPlausibleAddress(_ address: String) -> Bool {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty
            && !address.contains(where: { $0 == " " || $0 == "<" || $0 == ">" || $0 == "\r" || $0 == "\n" || $0 == "," })
    }
}
