import FraudCore
import Logging

extension AlertDispatcher {
    /// Which channels to use and how to retry; each part has documented defaults.
    package struct Configuration: Hashable, Sendable {
        /// The webhook, or `nil` for none.
        package var webhook: WebhookChannel.Configuration?
        /// The e-mail channel, or `nil` for none.
        package var email: SMTPChannel.Configuration?
        /// Retries of failed attempts. Default: 5 attempts, 1 s doubling to 60 s, half jitter.
        package var retry: RetryPolicy
        /// Delivered keys remembered per channel for de-duplication. Default 100,000 (about 10 MB).
        package var deduplicationCapacity: Int

        package init(
            webhook: WebhookChannel.Configuration? = nil, email: SMTPChannel.Configuration? = nil,
            retry: RetryPolicy = .alertDelivery, deduplicationCapacity: Int = 100_000
        ) {
            self.webhook = webhook
            self.email = email
            self.retry = retry
            self.deduplicationCapacity = deduplicationCapacity
        }

        /// No channel configured: alerts are only returned as outcomes (nothing is sent).
        package var isEmpty: Bool { webhook == nil && email == nil }
    }

    /// A dispatcher over the configured channels (webhook first, then e-mail).
    package init(
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
