import ArgumentParser
import FraudCore
import FraudMonitoring
import FraudStore

/// `fraud models promote VERSION`: move `champion` after the validation gate (or `--force`).
struct ModelsPromoteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "promote",
        abstract: "Make VERSION the champion if it is not worse than the current one beyond --tolerance (exit code 2 when refused).",
        discussion: """
            The gate scores both models with their own artifacts and thresholds on the same --window-rows most recent \
            confirmed labels (true_value) and compares --metric within --tolerance, and recall and precision within \
            --guard-tolerance. With fewer than --min-labels labels (or --min-frauds frauds) it compares the metrics \
            recorded at training time instead, and says so on standard error.
            """)

    @Argument(help: "The model version to promote.")
    var version: String

    @Flag(name: .long, help: "Skip the validation gate (recorded as force_promote).")
    var force = false

    @OptionGroup var options: RegistryChangeOptions

    func run() async throws {
        let decision = try await withDatabase(options.database) { store in
            let gate = try await options.registry.gate(store)
            if !force { ModelProgress.line(gate.note) }
            let decision = try await gate.promote(version: version, force: force, by: options.audit.who, reason: options.audit.reason)
            await options.mlflow.mirrorAliases(after: decision.outcome, store: store)
            return decision
        }
        if let candidate = decision.candidate, let champion = decision.champion {
            for metric in ["pr_auc", "recall", "precision", "f1"] {
                ModelProgress.line("\(metric): candidate \(Fixed(candidate.metrics[metric] ?? .nan, digits: 4)), champion \(Fixed(champion.metrics[metric] ?? .nan, digits: 4))")
            }
        }
        try decision.outcome.report(json: options.json)
    }
}
