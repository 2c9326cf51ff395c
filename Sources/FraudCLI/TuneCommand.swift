import ArgumentParser
import Foundation
import FraudCore
import FraudModel

/// `fraud tune`: random search or successive halving of XGBoost hyperparameters on a temporal validation split.
struct TuneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tune",
        abstract: "Search XGBoost hyperparameters; every trial goes to OUT/trials.jsonl, the best model to OUT.",
        discussion: """
            Each trial trains on the earliest rows and is scored (PR-AUC) on the latest --validation-fraction of rows by event time. \
            --search random trains --trials candidates with up to --rounds rounds each; --search successive-halving starts \
            --trials candidates on a small round budget and keeps the best 1/--eta of each rung for --eta times the budget, \
            up to --rounds (each rung's trials carry "rung" in trials.jsonl).
            """
    )

    /// The search strategies.
    enum Search: String, ExpressibleByArgument, CaseIterable {
        case random
        case successiveHalving = "successive-halving"
    }

    @Option(name: .long, help: "random or successive-halving.")
    var search: Search = .random

    @Option(name: .long, help: "Successive halving: keep the best 1/eta of each rung.")
    var eta: Int = 3

    @Option(name: .long, help: "Training CSV (plain or .gz); repeat for more files.")
    var data: [String]

    @Option(name: .long, help: "Number of random candidates (successive halving: at the first rung).")
    var trials: Int = 12

    @Option(name: .long, help: "Seed of the search.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "Share of the latest rows held out for validation.")
    var validationFraction: Double = 0.2

    @Option(name: .long, help: "Maximum boosting rounds per trial (early stopping after 30 without improvement).")
    var rounds: Int = 300

    @Option(name: .long, help: "Threads (0 = all cores).")
    var threads: Int = 0

    @Option(name: .long, help: "Output directory: trials.jsonl and the best model's artifact.")
    var out: String

    @Flag(name: .long, help: "Print the best trial as one JSON object.")
    var json = false

    func run() throws {
        let input = try TrainingInput.load(paths: data, progress: ModelProgress.line)
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let trialsPath = out + "/trials.jsonl"
        guard FileManager.default.createFile(atPath: trialsPath, contents: nil) else { throw ValidationError("cannot create \(trialsPath)") }
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: trialsPath))
        defer { try? log.close() }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Random search runs `trials` similar trials, so their pace estimates the rest; halving's rungs differ in size.
        let estimate = ProgressEstimate()
        var finished = 0
        let record: (TuningTrial) throws -> Void = { trial in
            try log.write(contentsOf: encoder.encode(trial) + Data("\n".utf8))
            finished += 1
            let share = search == .random ? " (\(estimate.text(done: finished, total: trials)))" : ""
            ModelProgress.line("trial \(trial.trial)\(trial.rung.map { " (rung \($0))" } ?? "")\(share): pr_auc \(Fixed(trial.validationPRAUC, digits: 4)), \(trial.rounds) rounds, "
                + "depth \(trial.parameters.maxDepth), eta \(Fixed(trial.parameters.learningRate, digits: 3)), \(Fixed(trial.seconds, digits: 1)) s")
        }
        let ranked: [TuningTrial]
        switch search {
        case .random:
            ranked = try RandomSearch(trials: trials, seed: seed, validationFraction: validationFraction, maxRounds: rounds, threads: threads)
                .run(input.features, record: record)
        case .successiveHalving:
            ranked = try SuccessiveHalving(candidates: trials, eta: eta, seed: seed, validationFraction: validationFraction,
                                           maxRounds: rounds, threads: threads).run(input.features, record: record)
        }
        let best = ranked[0]
        var parameters = best.parameters
        parameters.rounds = max(best.rounds, 1)
        let training = try ModelTraining(kind: .xgboost, validationFraction: validationFraction, xgboost: parameters)
        let outcome = try training.train(input.features, fingerprint: input.fingerprint, progress: ModelProgress.line)
        try outcome.artifact.write(directory: out)
        if json {
            // As in trials.jsonl: the parameters keep their property names (`maxDepth`), which snake case would change.
            print(String(decoding: try encoder.encode(best), as: UTF8.self))
        } else {
            print("best trial \(best.trial): validation pr_auc \(Fixed(best.validationPRAUC, digits: 4)) in \(best.rounds) rounds; model in \(out)")
        }
    }
}
