import FraudCore

/// Random search of XGBoost hyperparameters over a temporal validation split (Bergstra & Bengio, 2012).
package struct RandomSearch: Sendable {
    package let trials: Int
    package let seed: UInt64
    package let validationFraction: Double
    package let maxRounds: Int
    package let threads: Int

    /// One evaluated candidate (one line of `trials.jsonl`).
    package typealias Trial = TuningTrial

    /// - Throws: `ModelError.invalidInput` naming a parameter out of range.
    package init(trials: Int = 12, seed: UInt64 = 1, validationFraction: Double = 0.2, maxRounds: Int = 300, threads: Int = 0) throws {
        guard trials >= 1 else { throw ModelError.invalidInput("trials = \(trials): expected >= 1") }
        guard (0.05...0.5).contains(validationFraction) else { throw ModelError.invalidInput("validation fraction \(validationFraction): expected 0.05...0.5") }
        (self.trials, self.seed, self.validationFraction, self.maxRounds, self.threads) = (trials, seed, validationFraction, maxRounds, threads)
    }

    /// Runs every trial, handing each to `record` as it finishes; returns them all, best first.
    package func run(_ data: LabelledFeatures, record: (Trial) throws -> Void) throws -> [Trial] {
        let split = TuningSplit(data, validationFraction: validationFraction)
        var random = SplitMix64(seed: seed)
        var results: [Trial] = []
        for index in 0..<trials {
            let parameters = try TuningSplit.candidate(index, rounds: maxRounds, threads: threads, using: &random)
            let trial = try split.evaluate(parameters, trial: index)
            try record(trial)
            results.append(trial)
        }
        return results.sorted { $0.validationPRAUC > $1.validationPRAUC }
    }
}
