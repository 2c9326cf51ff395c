import ArgumentParser
import FraudAlerting
import FraudPipeline
import FraudRuntime
import Logging

/// `fraud run alerter`: alerts on every payment of `payments.scored` predicted fraud, until SIGINT/SIGTERM.
struct RunAlerterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alerter",
        abstract: "Alert (webhook, e-mail) on every scored payment predicted fraud and record the alerts.",
        discussion: """
            Channels come from FRAUD_ALERT_WEBHOOK_URL, FRAUD_SMTP_URL, FRAUD_ALERT_EMAIL_FROM, FRAUD_ALERT_EMAIL_TO \
            and the other variables of docs/alerter.md. With no channel configured the alerts are only recorded.
            """
    )

    @Option(help: "Consumer group.")
    var group: String = "alerter"

    @Option(name: .customLong("max-concurrent"), help: "Alerts delivered at once.")
    var maxConcurrent: Int = 16

    @Option(name: .customLong("delivery-timeout"), help: "Seconds one alert's delivery (retries included) may take.")
    var deliveryTimeout: Double = 120

    @OptionGroup var bus: BusOptions
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard maxConcurrent >= 1 else { throw ValidationError("--max-concurrent must be at least 1, got \(maxConcurrent)") }
        guard deliveryTimeout > 0, deliveryTimeout.isFinite else {
            throw ValidationError("--delivery-timeout must be a positive number of seconds, got \(deliveryTimeout)")
        }
    }

    func run() async throws {
        let alerting = try AlertSettings().commandConfiguration()
        let logger = Logger(label: "fraud.alerter") { StreamLogHandler.standardError(label: $0) }
        if alerting.isEmpty { logger.warning("no alert channel configured: alerts are recorded, not sent") }
        let dispatcher = try AlertDispatcher(configuration: alerting, logger: logger)
        let stop = StopSignal()
        stop.install()
        let bus = try bus.open()
        let configuration: AlerterWorker.Configuration
        do {
            configuration = try AlerterWorker.Configuration(
                group: group, maxConcurrentDeliveries: maxConcurrent,
                deliveryTimeout: .milliseconds(Int64((deliveryTimeout * 1000).rounded())))
        } catch {
            throw ValidationError(error.description)
        }
        try await withDatabase(database) { store in
            try await AlerterWorker(configuration: configuration, bus: bus, store: store, alerter: dispatcher, logger: logger)
                .run(stop: stop)
        }
    }
}
