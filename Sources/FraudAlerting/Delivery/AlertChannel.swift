import FraudCore

/// One way of telling people about an alert (webhook, e-mail); the dispatcher adds de-duplication and retries.
package protocol AlertChannel: Sendable {
    /// Short name used in delivery outcomes, e.g. `webhook`.
    var name: String { get }
    /// Makes one delivery attempt; returns a short acceptance note (e.g. the server's reply) or throws
    /// an `AlertChannelError` saying whether trying again could help.
    func deliver(_ message: AlertMessage) async throws(AlertChannelError) -> String?
}

/// Why one delivery attempt failed, and whether another attempt could succeed.
package struct AlertChannelError: Error, Hashable, Sendable {
    /// `true` for transient failures (5xx, 408, 429, SMTP 4xx, connection errors, timeouts).
    package var isRetryable: Bool
    /// What failed, naming the stage and the server's reply, e.g. "SMTP RCPT TO <x@y>: 550 5.1.1 no such user".
    package var reason: String
    /// The server's requested wait (HTTP `Retry-After`), if any.
    package var retryAfter: Duration?

    package init(isRetryable: Bool, reason: String, retryAfter: Duration? = nil) {
        self.isRetryable = isRetryable
        self.reason = reason
        self.retryAfter = retryAfter
    }

    /// A failure that another attempt could fix.
    package static func transient(_ reason: String, retryAfter: Duration? = nil) -> AlertChannelError {
        AlertChannelError(isRetryable: true, reason: reason, retryAfter: retryAfter)
    }

    /// A failure that retrying will not fix (bad request, rejected recipient, bad credentials).
    package static func permanent(_ reason: String) -> AlertChannelError {
        AlertChannelError(isRetryable: false, reason: reason)
    }
}

extension AlertChannelError: CustomStringConvertible {
    package var description: String { (isRetryable ? "transient: " : "permanent: ") + reason }
}
