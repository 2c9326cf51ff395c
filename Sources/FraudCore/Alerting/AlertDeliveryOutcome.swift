/// How the delivery of one alert on one channel ended; returned to the caller to store, never dropped.
package struct AlertDeliveryOutcome: Hashable, Sendable {
    /// How a delivery ended.
    package enum Status: String, Hashable, Sendable {
        /// The channel accepted the alert (HTTP 2xx, SMTP 250 after DATA).
        case delivered
        /// Every attempt failed, or the failure was permanent; `detail` says why.
        case failed
        /// The same key was already delivered or is being delivered on this channel.
        case duplicate
    }

    /// The alert's de-duplication key (`trans_num` for fraud alerts).
    package var key: String
    /// The channel's name, e.g. `webhook` or `email`.
    package var channel: String
    package var status: Status
    /// Attempts made (0 for a duplicate).
    package var attempts: Int
    /// The last error for a failure, the server's acceptance for a delivery, or `nil`.
    package var detail: String?
    /// When the delivery ended (wall clock).
    package var finishedAt: EventTime

    package init(key: String, channel: String, status: Status, attempts: Int, detail: String?, finishedAt: EventTime) {
        self.key = key
        self.channel = channel
        self.status = status
        self.attempts = attempts
        self.detail = detail
        self.finishedAt = finishedAt
    }
}
