import ArgumentParser
import FraudModel
import FraudMonitoring
import FraudStore

/// The retraining settings shared by `fraud retrain` and `fraud run retrainer`: the original data, the model, the
/// triggers; the gate's settings come from `RegistryOptions`.
struct RetrainOptions: ParsableArguments {
    @Option(name: .long, help: "The original training CSV (plain or .gz); repeat for more files. Confirmed labels from the store are added.")
    var data: [String] = []

    @Option(name: .customLong("work-dir"), help: "Where retraining sets and candidate artifacts are written (one directory per run).")
    var workDir = "./models/retraining"

    @OptionGroup var model: TrainingOptions

    @Option(name: .customLong("every-seconds"), help: "Trigger: retrain when this many seconds passed since the last retraining.")
    var everySeconds: Int64?

    @Option(name: .customLong("new-labels"), help: "Trigger: retrain when this many confirmed labels arrived since the last retraining.")
    var newLabels: Int?

    @Flag(name: .customLong("no-drift-trigger"), help: "Do not retrain when the latest drift report says drift.")
    var noDriftTrigger = false

    @Option(name: .customLong("precision-floor"), help: "Trigger: retrain when the champion's labelled precision is below this.")
    var precisionFloor: Double?

    @Option(name: .customLong("recall-floor"), help: "Trigger: retrain when the champion's labelled recall is below this.")
    var recallFloor: Double?

    @Option(name: .customLong("cooldown-seconds"), help: "No trigger fires within this many seconds of the last retraining.")
    var cooldownSeconds: Int64 = 600

    @Option(name: .customLong("holdout-share"), help: "At most this share of the confirmed labels forms the gate's window (held out of training).")
    var holdoutShare = 0.3

    /// The retrainer's configuration; a bad value is a usage error naming the flag's setting.
    func configuration(registry: RegistryOptions, checkInterval: Duration = .seconds(30)) throws -> RetrainerConfiguration {
        guard !data.isEmpty else { throw ValidationError("--data: the original training file is required (repeat for more files)") }
        let kind = try model.kind()
        do {
            let training = try ModelTraining(kind: kind, xgboost: try model.xgboost())
            let triggers = try RetrainTriggers(intervalSeconds: everySeconds, newLabels: newLabels, onDrift: !noDriftTrigger,
                                               precisionFloor: precisionFloor, recallFloor: recallFloor, cooldownSeconds: cooldownSeconds)
            return try RetrainerConfiguration(
                originals: data, workDirectory: workDir, artifactRoot: registry.root, training: training, triggers: triggers,
                gateMetric: registry.metric, gateTolerance: registry.tolerance, latencyBudgetMs: registry.latencyBudgetMs,
                guardTolerance: registry.guardTolerance,
                gateRequirements: .init(minimumRows: registry.minLabels, minimumFrauds: registry.minFrauds),
                gateWindowRows: registry.windowRows, holdoutShare: holdoutShare, checkInterval: checkInterval)
        } catch let error as ValidationError {
            throw error
        } catch {
            throw ValidationError("\(error)")
        }
    }
}
