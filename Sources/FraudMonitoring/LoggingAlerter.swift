import FraudCore
import Logging

/// An alerter that only logs: what the monitor and retrainer use when no webhook or e-mail channel is configured.
package struct LoggingAlerter: Alerter {
    let logger: Logger

    /// An alerter writing to `logger`.
    package init(logger: Logger = Logger(label: "fraud.alerts")) {
        self.logger = logger
    }

    /// Logs the alert at warning level and reports it delivered on the `log` channel.
    package func send(_ message: AlertMessage) async -> [AlertDeliveryOutcome] {
        switch message {
        case .fraud(let alert): logger.warning("fraud alert \(alert.transNum): score \(alert.score)")
        case .operational(let alert): logger.warning("[\(alert.kind)] \(alert.title)\n\(alert.details)")
        }
        return [AlertDeliveryOutcome(key: message.deduplicationKey, channel: "log", status: .delivered, attempts: 1, detail: nil,
                                     finishedAt: WallClock.now)]
    }
}
