import FraudCore
import FraudMetrics
import FraudXGBoost
import Foundation

/// Random search of XGBoost hyperparameters over a temporal validation split (Bergstra & Bengio, 2012).
public struct RandomSearch: Sendable {
    public let trials: Int
    public let seed: UInt64
    public let validationFraction: Double
    public let maxRounds: Int
    public let threads: Int

    /// - Throws: `ModelError.invalidInput` naming a parameter out of range.
    public init(trials: Int = 12, seed: UInt64 = 1, validationFraction: Double = 0.2, maxRounds: Int = 300, threads: Int = 0) throws {
        guard trials >= 1 else { throw ModelError.invalidInput("trials = \(trials): expected >= 1") }
        guard (0.05...0.5).contains(validationFraction) else { throw ModelError.invalidInput("validation fraction \(validationFraction): expected 0.05...0.5") }
        (self.trials, self.seed, self.validationFraction, self.maxRounds, self.threads) = (trials, seed, validationFraction, maxRounds, threads)
    }

    /// One evaluated candidate (one line of `trials.jsonl`).
    public struct Trial: Codable, Sendable {
        public var trial: Int
        public var parameters: XGBoostParameters
        public var rounds: Int
        /// Average precision on the validation split.
        public var validationPRAUC: Double
        public var seconds: Double

        enum CodingKeys: String, CodingKey {
            case trial, parameters, rounds, validationPRAUC = "validation_pr_auc", seconds
        }
    }

    /// Runs every trial, handing each to `record` as it finishes; returns them all, best first.
    public func run(_ data: LabelledFeatures, record: (Trial) throws -> Void) throws -> [Trial] {
        let split = data.count - Int((Double(data.count) * validationFraction).rounded())
        let train = data.slice(0..<split), validation = data.slice(split..<data.count)
        var random = SplitMix64(seed: seed)
        var results: [Trial] = []
        for index in 0..<trials {
            let parameters = try XGBoostParameters(
                rounds: maxRounds, earlyStoppingRounds: 30, maxDepth: Int.random(in: 3...9, using: &random),
                learningRate: exp(Double.random(in: log(0.03)...log(0.3), using: &random)),
                minChildWeight: Double.random(in: 1...10, using: &random), subsample: Double.random(in: 0.6...1, using: &random),
                columnSampleByTree: Double.random(in: 0.5...1, using: &random), l2: exp(Double.random(in: log(0.1)...log(10), using: &random)),
                threads: threads, seed: index)
            let started = ContinuousClock.now
            let fitted = try XGBoostFit.fit(train: train, validation: validation, parameters: parameters, progress: { _ in })
            let elapsed = ContinuousClock.now - started
            let score = Curves.averagePrecision(scores: fitted.ensemble.scores(validation.matrix), labels: validation.labels)
            let trial = Trial(trial: index, parameters: parameters, rounds: fitted.rounds, validationPRAUC: score,
                              seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
            try record(trial)
            results.append(trial)
        }
        return results.sorted { $0.validationPRAUC > $1.validationPRAUC }
    }
}

