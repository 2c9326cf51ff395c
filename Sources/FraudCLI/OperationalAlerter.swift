import FraudAlerting
import FraudCore
import FraudMonitoring
import Logging

/// The alerter of the monitor and the retrainer: the webhook/e-mail channels configured in the environment
/// (`FRAUD_ALERT_WEBHOOK_URL`, `FRAUD_SMTP_URL`, ... as for `fraud alert test`), else log lines on standard error.
enum OperationalAlerter {
    static func make(logger: Logger) throws -> any Alerter {
        let configuration = try AlertSettings().commandConfiguration()
        guard !configuration.isEmpty else { return LoggingAlerter(logger: logger) }
        return try AlertDispatcher(configuration: configuration, logger: logger)
    }

    /// A logger on standard error (standard output carries reports).
    static func logger(_ label: String) -> Logger {
        Logger(label: label) { StreamLogHandler.standardError(label: $0) }
    }
}
