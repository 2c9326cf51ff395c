import FraudXGBoost

/// Trains a binary XGBoost model round by round with early stopping on a validation set.
package struct XGBoostTrainer {
    package var parameters: XGBoostParameters

    package init(parameters: XGBoostParameters) { self.parameters = parameters }

    /// What training produced.
    package struct Result {
        /// The model truncated to its best round.
        package var booster: Booster
        /// Rounds kept (best validation round + 1).
        package var rounds: Int
        /// Validation metric at the best round (nil without validation).
        package var bestValidationScore: Double?
        /// The `scale_pos_weight` actually used.
        package var scalePositiveWeight: Double
    }

    /// Trains on `train`, stopping when `validation`'s metric has not improved for `earlyStoppingRounds`.
    /// - Parameter progress: called after each round with (round, validation score).
    package func train(train: DMatrix, trainLabels: [Float], validation: DMatrix?,
                      progress: (Int, Double?) -> Void = { _, _ in }) throws -> Result {
        let positives = trainLabels.reduce(0) { $0 + ($1 > 0.5 ? 1 : 0) }
        let negatives = trainLabels.count - positives
        let scale = parameters.scalePositiveWeight ?? (positives == 0 ? 1 : Double(negatives) / Double(positives))
        let booster = try Booster(cache: [train] + (validation.map { [$0] } ?? []))
        for (name, value) in parameters.xgboostPairs(scalePositiveWeight: scale) {
            try booster.setParameter(name, value)
        }
        var best: (round: Int, score: Double)?
        for round in 0..<parameters.rounds {
            try booster.updateOneIteration(round, train: train)
            guard let validation else {
                progress(round, nil)
                continue
            }
            let line = try booster.evaluate(round, [("validation", validation)])
            let score = Self.lastMetric(in: line)
            progress(round, score)
            if let score, score > (best?.score ?? -.infinity) { best = (round, score) }
            if let best, round - best.round >= parameters.earlyStoppingRounds { break }
        }
        let rounds = try best.map { $0.round + 1 } ?? booster.boostedRounds
        let kept = try rounds == booster.boostedRounds ? booster : booster.slice(rounds: rounds)
        return Result(booster: kept, rounds: rounds, bestValidationScore: best?.score, scalePositiveWeight: scale)
    }

    /// The number after the last `:` in an evaluation line such as `[3]\tvalidation-aucpr:0.912`.
    static func lastMetric(in line: String) -> Double? {
        guard let colon = line.lastIndex(of: ":") else { return nil }
        return Double(line[line.index(after: colon)...].trimmingPrefix(" ").prefix { !$0.isWhitespace })
    }
}
