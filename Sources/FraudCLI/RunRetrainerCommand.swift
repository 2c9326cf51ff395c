import ArgumentParser
import FraudMonitoring
import FraudPipeline
import FraudRuntime

/// `fraud run retrainer`: checks the retraining triggers periodically and retrains when one fires.
struct RunRetrainerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retrainer",
        abstract: "Retrain when a trigger fires (schedule, new labels, drift, performance below floor); promote through the same-window gate.",
        discussion: "Each retraining is recorded with its trigger and outcome (`fraud retrain --history`). Stops on SIGINT/SIGTERM.")

    @OptionGroup var options: RetrainOptions
    @OptionGroup var registry: RegistryOptions
    @OptionGroup var database: DatabaseOptions

    @Option(name: .customLong("check-seconds"), help: "How often the triggers are checked.")
    var checkSeconds = 30.0

    func run() async throws {
        let configuration = try options.configuration(registry: registry, checkInterval: .milliseconds(Int64(max(0.1, checkSeconds) * 1000)))
        let logger = OperationalAlerter.logger("fraud.retrainer")
        let alerter = try OperationalAlerter.make(logger: logger)
        let stop = StopSignal()
        stop.install()
        try await withDatabase(database) { store in
            let retrainer = try Retrainer(store: store, configuration: configuration, alerter: alerter, logger: logger)
            try await RetrainerWorker(retrainer: retrainer, logger: logger).run(stop: stop)
        }
    }
}
