import ArgumentParser
import FraudDrift
import FraudMonitoring
import FraudPipeline
import FraudRuntime

/// `fraud run monitor`: drift, fraud rate, latency and labelled performance of the scored stream.
struct RunMonitorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monitor",
        abstract: "Watch payments.scored: feature and score drift against the champion's training reference, fraud rate, latency, labelled precision/recall.",
        discussion: """
            Reports go to the drift_reports table and the metrics (fraud_drift_share, fraud_feature_drift_score, \
            fraud_fraud_rate, fraud_labelled_precision/recall/f1, ...); one alert per episode goes to the channels of \
            FRAUD_ALERT_WEBHOOK_URL / FRAUD_SMTP_URL (see `fraud alert test`), else to standard error. Stops on SIGINT/SIGTERM.
            """)

    @OptionGroup var bus: BusOptions
    @OptionGroup var database: DatabaseOptions

    @Option(help: "Consumer group on payments.scored.")
    var group = "monitor"

    @Option(help: "Payments in the sliding drift window.")
    var window = 1_000

    @Option(name: .customLong("check-every"), help: "A drift check every this many payments once the window is full.")
    var checkEvery = 500

    @Option(help: "Payments that only warm the per-card feature state before windows fill.")
    var warmup = 2_000

    @Option(name: .customLong("drift-share"), help: "Dataset drift when at least this share of columns drifts (Evidently: 0.5).")
    var driftShare = 0.5

    @Option(name: .customLong("key-column"), help: "A column whose drift alone counts as drift; repeat (default: amt, category).")
    var keyColumns: [String] = []

    @Option(name: .customLong("ignore-column"), help: "A column left out of the drift tests; repeat (default: weekday, card_payment_count).")
    var ignoredColumns: [String] = []

    @Option(name: .customLong("labelled-window"), help: "Labelled payments in the precision/recall window.")
    var labelledWindow = 1_000

    @Option(name: .customLong("min-labelled"), help: "Labelled payments needed before the floors are judged.")
    var minLabelled = 100

    @Option(name: .customLong("precision-floor"), help: "Alert when labelled precision falls below this.")
    var precisionFloor: Double?

    @Option(name: .customLong("recall-floor"), help: "Alert when labelled recall falls below this.")
    var recallFloor: Double?

    @Option(name: .customLong("label-poll-seconds"), help: "How often to read new labels from the store.")
    var labelPollSeconds = 2.0

    @Option(help: "Partitions of payments.scored if the monitor has to create it.")
    var partitions = 4

    func run() async throws {
        let configuration: MonitorConfiguration
        do {
            configuration = try MonitorConfiguration(
                group: group, windowSize: window, checkEvery: checkEvery, warmupPayments: warmup,
                drift: try DriftReport.Configuration(driftShare: driftShare),
                keyColumns: keyColumns.isEmpty ? ["amt", "category"] : keyColumns,
                ignoredColumns: ignoredColumns.isEmpty ? ["weekday", "card_payment_count"] : Set(ignoredColumns),
                labelledWindowSize: labelledWindow, minimumLabelled: minLabelled, precisionFloor: precisionFloor, recallFloor: recallFloor,
                labelPollInterval: .milliseconds(Int64(max(0.05, labelPollSeconds) * 1000)))
        } catch {
            throw ValidationError("\(error)")
        }
        let logger = OperationalAlerter.logger("fraud.monitor")
        let alerter = try OperationalAlerter.make(logger: logger)
        try await withBusAndDatabase(bus, database) { bus, store, stop in
            let worker = try MonitorWorker(bus: bus, store: store, alerter: alerter, configuration: configuration, partitions: partitions, logger: logger)
            logger.info("monitor: group \(group), window \(window), drift check every \(checkEvery) payments")
            try await worker.run(stop: stop)
        }
    }
}
