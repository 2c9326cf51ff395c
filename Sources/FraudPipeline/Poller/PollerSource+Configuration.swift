import FraudCore
import Foundation

extension PollerSource {
    /// What to poll and how often; every part has a documented default.
    package struct Configuration: Hashable, Sendable {
        /// The endpoint, e.g. `https://host/current-transactions` (query parameters are kept).
        package let url: String
        /// Wait between answered calls. Default 12 s: the public API allows about 5 calls a minute.
        package let interval: Duration
        /// Deadline of one call, connection included. Default 10 s.
        package let timeout: Duration
        /// Waits after failed calls. Default `defaultBackoff`.
        package let backoff: Backoff
        /// `trans_num`s remembered to drop duplicates (bounded memory). Default 100,000.
        package let deduplicationCapacity: Int
        /// Largest body read; a longer one is a failed call. Default 32 MiB.
        package let maxBodyBytes: Int
        /// Topic the payments go to. Default `payments.raw`.
        package let topic: String
        /// Partitions of `topic` when the poller has to create it. Default 4.
        package let partitions: Int

        /// Checks every value; throws naming the parameter and the valid range.
        package init(
            url: String, interval: Duration = .seconds(12), timeout: Duration = .seconds(10), backoff: Backoff = defaultBackoff,
            deduplicationCapacity: Int = 100_000, maxBodyBytes: Int = 32 << 20, topic: String = PaymentMessages.rawTopic,
            partitions: Int = 4
        ) throws(ConfigurationError) {
            guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(), scheme == "http" || scheme == "https",
                  parsed.host?.isEmpty == false
            else {
                // The query may hold a key: it is left out of the error.
                throw ConfigurationError(
                    parameter: "url", value: String(url.prefix { $0 != "?" }), reason: "must be an http:// or https:// URL with a host")
            }
            guard interval >= .zero else { throw Self.bad("interval", "\(interval)", "must not be negative") }
            guard timeout > .zero else { throw Self.bad("timeout", "\(timeout)", "must be positive") }
            guard deduplicationCapacity >= 1 else {
                throw Self.bad("deduplicationCapacity", String(deduplicationCapacity), "must be at least 1")
            }
            guard maxBodyBytes >= 1 else { throw Self.bad("maxBodyBytes", String(maxBodyBytes), "must be at least 1") }
            guard !topic.isEmpty else { throw Self.bad("topic", topic, "must not be empty") }
            guard partitions >= 1 else { throw Self.bad("partitions", String(partitions), "must be at least 1") }
            self.url = url
            self.interval = interval
            self.timeout = timeout
            self.backoff = backoff
            self.deduplicationCapacity = deduplicationCapacity
            self.maxBodyBytes = maxBodyBytes
            self.topic = topic
            self.partitions = partitions
        }

        /// 1 s after the first failed call, doubling up to 5 min, half of each wait random.
        package static let defaultBackoff = try! Backoff(initial: .seconds(1), maximum: .seconds(300), jitter: 0.5)

        /// The URL as written in logs and quarantine records: scheme, host, port and path (the query may hold a key).
        package var redactedURL: String {
            guard let parsed = URL(string: url), let scheme = parsed.scheme, let host = parsed.host else { return "<poll url>" }
            return scheme + "://" + host + (parsed.port.map { ":\($0)" } ?? "") + parsed.path
        }

        private static func bad(_ parameter: String, _ value: String, _ reason: String) -> ConfigurationError {
            ConfigurationError(parameter: parameter, value: value, reason: reason)
        }
    }
}
