import ArgumentParser
import FraudCore
import FraudMonitoring
import FraudStore

/// `fraud retrain`: one retraining now (or only if a trigger fires), or the history of retrainings.
struct RetrainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retrain",
        abstract: "Train a challenger on the original data plus confirmed labels, judge it against the champion on the same recent labelled window, promote it or keep it as challenger.",
        discussion: """
            The training set is the --data files plus every payment with a confirmed label (true_value) in the store, \
            written to --work-dir and fingerprinted (SHA-256); predictions are never used as labels. The most recent \
            confirmed labels (--window-rows, at most --holdout-share of them) are held out and both models are scored \
            on them. Every run is recorded (`fraud retrain --history`). Exit code 2 when the challenger was not promoted.
            """)

    @OptionGroup var options: RetrainOptions
    @OptionGroup var registry: RegistryOptions
    @OptionGroup var database: DatabaseOptions

    @Flag(name: .customLong("if-triggered"), help: "Retrain only when a trigger fires (schedule, new labels, drift, performance); else say why not.")
    var ifTriggered = false

    @Flag(help: "List the recorded retrainings (trigger, outcome, versions, fingerprint) instead of retraining.")
    var history = false

    @Option(help: "Why (recorded as the manual trigger's reason).")
    var reason = "requested on the command line"

    @Flag(help: "Print one JSON object.")
    var json = false

    func run() async throws {
        if history {
            let runs = try await withDatabase(database) { store in try await Retrainer.history(store: store) }
            try printHistory(runs)
            return
        }
        let configuration = try options.configuration(registry: registry)
        let logger = OperationalAlerter.logger("fraud.retrainer")
        let alerter = try OperationalAlerter.make(logger: logger)
        let outcome: RetrainOutcome? = try await withDatabase(database) { store in
            let retrainer = try Retrainer(store: store, configuration: configuration, alerter: alerter, logger: logger)
            let trigger: RetrainTrigger
            if ifTriggered {
                guard let fired = try await retrainer.check() else { return nil }
                trigger = fired
            } else {
                trigger = RetrainTrigger(kind: .manual, reason: reason)
            }
            return try await retrainer.retrain(trigger: trigger)
        }
        guard let outcome else {
            if json { printJSON(["retrained": false]) } else { print("no trigger fired: nothing to do") }
            return
        }
        if json {
            printJSON(RetrainJSON(outcome))
        } else {
            print(RetrainJSON(outcome).text)
        }
        if case .challenger = outcome.decision { throw ExitCode(2) }
    }

    private func printHistory(_ runs: [RunRecord]) throws {
        if json {
            printJSON(runs.map(RetrainRunJSON.init))
            return
        }
        if runs.isEmpty { print("no retraining recorded") }
        for run in runs {
            let params = run.params
            var line = "\(run.startedAt.iso)  \(run.id)  \(run.status)  trigger \(params["trigger"] ?? "-"): \(params["reason"] ?? "")"
            if let version = params["candidate_version"] { line += "  → version \(version)" }
            if let reason = params["decision_reason"] { line += " (\(reason))" }
            if let error = params["error"] { line += "  error: \(error)" }
            print(line)
        }
    }
}
