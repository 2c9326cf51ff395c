import FraudCore

/// Successive halving over boosting rounds (Jamieson & Talwalkar, 2016; the inner loop of Hyperband, Li et al., 2017):
/// `candidates` random configurations are trained with a small round budget on the temporal split, the best
/// `1/eta` of them go on with `eta` times the budget, and so on until one is left or the budget reaches `maxRounds`.
///
/// Rung `k` budgets `maxRounds / eta^(rungs - 1 - k)` rounds (at least 1), so the last rung trains with `maxRounds`.
/// Each rung retrains its survivors from scratch (early stopping still applies inside the budget).
package struct SuccessiveHalving: Sendable {
    package let candidates: Int
    /// Reduction factor: the share `1/eta` of a rung goes on to the next.
    package let eta: Int
    package let seed: UInt64
    package let validationFraction: Double
    package let maxRounds: Int
    package let threads: Int

    /// - Throws: `ModelError.invalidInput` naming a parameter out of range.
    package init(candidates: Int = 27, eta: Int = 3, seed: UInt64 = 1, validationFraction: Double = 0.2, maxRounds: Int = 300,
                threads: Int = 0) throws {
        guard candidates >= 2 else { throw ModelError.invalidInput("candidates = \(candidates): expected >= 2") }
        guard eta >= 2 else { throw ModelError.invalidInput("eta = \(eta): expected >= 2") }
        guard maxRounds >= 1 else { throw ModelError.invalidInput("max rounds = \(maxRounds): expected >= 1") }
        guard (0.05...0.5).contains(validationFraction) else { throw ModelError.invalidInput("validation fraction \(validationFraction): expected 0.05...0.5") }
        (self.candidates, self.eta, self.seed, self.validationFraction) = (candidates, eta, seed, validationFraction)
        (self.maxRounds, self.threads) = (maxRounds, threads)
    }

    /// Rounds budgeted at each rung, smallest first.
    package var budgets: [Int] {
        // floor(log_eta(candidates)) + 1 rungs: the last one keeps at least one survivor of the previous.
        var rungs = 1, survivors = candidates
        while survivors / eta >= 1 {
            survivors /= eta
            rungs += 1
        }
        var power = 1
        var budgets: [Int] = []
        for _ in 0..<rungs {
            budgets.insert(max(1, maxRounds / power), at: 0)
            power *= eta
        }
        // Rungs whose budget cannot grow any more (tiny maxRounds) would repeat the same training.
        return budgets.enumerated().filter { $0.offset == budgets.count - 1 || $0.element < budgets[$0.offset + 1] }.map(\.element)
    }

    /// Runs every rung, handing each trial to `record` as it finishes; returns the trials of the last rung
    /// (best first) followed by the earlier rungs' (best first within a rung, later rungs first).
    package func run(_ data: LabelledFeatures, record: (TuningTrial) throws -> Void) throws -> [TuningTrial] {
        let split = TuningSplit(data, validationFraction: validationFraction)
        var random = SplitMix64(seed: seed)
        var alive = try (0..<candidates).map { index in
            (index: index, parameters: try TuningSplit.candidate(index, rounds: maxRounds, threads: threads, using: &random))
        }
        let budgets = self.budgets
        var rungs: [[TuningTrial]] = []
        for (rung, budget) in budgets.enumerated() {
            var results: [TuningTrial] = []
            for candidate in alive {
                var parameters = candidate.parameters
                parameters.rounds = budget
                let trial = try split.evaluate(parameters, trial: candidate.index, rung: rung)
                try record(trial)
                results.append(trial)
            }
            results.sort { $0.validationPRAUC > $1.validationPRAUC }
            rungs.append(results)
            let keep = rung == budgets.count - 1 ? 0 : max(1, results.count / eta)
            let kept = Set(results.prefix(keep).map(\.trial))
            alive = alive.filter { kept.contains($0.index) }
        }
        return rungs.reversed().flatMap { $0 }
    }
}
