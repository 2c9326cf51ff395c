import FraudCore
import FraudStore

extension APIServer {
    /// Settings of the server; `validate()` says what is wrong with them (`APIServer.init` calls it).
    package struct Configuration: Sendable {
        /// Address to bind (default 127.0.0.1); anything but a loopback address needs a `token`.
        package var host: String
        /// Port (default 8080; 0 picks a free one).
        package var port: Int
        /// The bearer token of every route (`FRAUD_API_TOKEN`): writes, admin, personal-data reads, full card numbers.
        /// Nil: no token, and the server must listen on loopback only.
        package var token: String?
        /// A read-only bearer token (`FRAUD_API_READ_TOKEN`): personal-data reads with masked card numbers; needs `token`.
        package var readToken: String?
        /// Host names the server answers besides loopback names, IP addresses and `host` (`--allowed-host`,
        /// `FRAUD_API_ALLOWED_HOSTS`); `*` answers any `Host`.
        package var allowedHosts: [String]
        /// Largest request body accepted, in bytes (default 8 MiB); larger ones get 413.
        package var maxBodyBytes: Int
        /// Most payments `POST /v1/score` takes in one call (default 10,000).
        package var maxScoreBatch: Int
        /// Partitions of `payments.raw` when the API creates it (default 4).
        package var rawTopicPartitions: Int
        /// How often `POST /v1/score` looks whether the champion moved (default 1 s; zero: at every call).
        package var championCheckInterval: Duration
        /// How long a client has to send a request's head, from the connection's opening or the request's first
        /// bytes (default 10 s); then the connection is closed.
        package var headerTimeout: Duration
        /// How long a client has to send a request's body once its head arrived (default 30 s).
        package var bodyTimeout: Duration
        /// How long a connection may stay open with no request after an answer (default 60 s).
        package var idleTimeout: Duration
        /// Most connections open at once (default 1,000); further ones wait in the listen backlog until one closes.
        package var maxConnections: Int
        /// The wall clock the routes read (labels' time, the recent-activity windows); injected by tests.
        package var clock: @Sendable () -> EventTime

        /// Settings with their defaults; see each property.
        package init(host: String = "127.0.0.1", port: Int = 8080, token: String? = nil, readToken: String? = nil,
                    allowedHosts: [String] = [], maxBodyBytes: Int = 8 << 20, maxScoreBatch: Int = 10_000,
                    rawTopicPartitions: Int = 4, championCheckInterval: Duration = .seconds(1),
                    headerTimeout: Duration = .seconds(10), bodyTimeout: Duration = .seconds(30),
                    idleTimeout: Duration = .seconds(60), maxConnections: Int = 1_000,
                    clock: @escaping @Sendable () -> EventTime = { WallClock.now }) {
            self.host = host
            self.port = port
            self.token = token
            self.readToken = readToken
            self.allowedHosts = allowedHosts
            self.maxBodyBytes = maxBodyBytes
            self.maxScoreBatch = maxScoreBatch
            self.rawTopicPartitions = rawTopicPartitions
            self.championCheckInterval = championCheckInterval
            self.headerTimeout = headerTimeout
            self.bodyTimeout = bodyTimeout
            self.idleTimeout = idleTimeout
            self.maxConnections = maxConnections
            self.clock = clock
        }

        /// Shortest token accepted.
        package static let minimumTokenLength = 16

        /// Checks the tokens (at least 16 printable ASCII characters, no whitespace; the read-only one needs and
        /// differs from the full one), that a non-loopback `host` has a token, the allowed host names, the timeouts
        /// and the connection limit.
        /// - Throws: `ConfigurationError` saying what to set.
        package func validate() throws {
            try Self.check(token, name: "FRAUD_API_TOKEN")
            try Self.check(readToken, name: "FRAUD_API_READ_TOKEN")
            if readToken != nil, token == nil {
                throw ConfigurationError(parameter: "FRAUD_API_READ_TOKEN", value: "(hidden)", reason: "is set without FRAUD_API_TOKEN: set FRAUD_API_TOKEN too (writes would be open otherwise)")
            }
            if let readToken, readToken == token {
                throw ConfigurationError(parameter: "FRAUD_API_READ_TOKEN", value: "(hidden)", reason: "equals FRAUD_API_TOKEN: give the read-only token its own value")
            }
            if token == nil, !HostAllowList.isLoopback(host) {
                throw ConfigurationError(parameter: "--host", value: host, reason: """
                    needs FRAUD_API_TOKEN: without a token the server listens on loopback only. Set FRAUD_API_TOKEN to a \
                    secret of at least \(Self.minimumTokenLength) characters (e.g. $(openssl rand -hex 16)), or use --host 127.0.0.1
                    """)
            }
            for name in allowedHosts where !HostAllowList.isValidName(name) {
                throw ConfigurationError(parameter: "--allowed-host (FRAUD_API_ALLOWED_HOSTS)", value: name, reason: "not a host name: give a name without scheme or port, or *")
            }
            for (name, value) in [("header", headerTimeout), ("body", bodyTimeout), ("idle", idleTimeout)] where value <= .zero {
                throw ConfigurationError(parameter: "--\(name)-timeout", value: "\(value)", reason: "must be positive")
            }
            guard maxConnections >= 1 else { throw ConfigurationError(parameter: "--max-connections", value: "\(maxConnections)", reason: "must be at least 1") }
        }

        private static func check(_ token: String?, name: String) throws {
            guard let token else { return }
            if token.allSatisfy(\.isWhitespace) {
                throw ConfigurationError(parameter: name, value: "", reason: "blank: set it to a secret of at least \(minimumTokenLength) characters, or unset it")
            }
            if token.unicodeScalars.contains(where: { !(0x21...0x7E).contains($0.value) }) {
                throw ConfigurationError(parameter: name, value: "(hidden)", reason: "contains whitespace or characters other than printable ASCII: use e.g. $(openssl rand -hex 16)")
            }
            if token.count < minimumTokenLength {
                throw ConfigurationError(parameter: name, value: "(\(token.count) characters)", reason: "too short: use at least \(minimumTokenLength) characters, e.g. $(openssl rand -hex 16)")
            }
        }

        /// The tokens and what each grants.
        var tokens: APITokens { APITokens(full: token, read: readToken) }
    }
}
