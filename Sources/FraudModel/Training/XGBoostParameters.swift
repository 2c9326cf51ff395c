import FraudCore

/// Hyperparameters of a binary gradient-boosted-trees model (XGBoost's names in `xgboostPairs`).
package struct XGBoostParameters: Hashable, Sendable, Codable {
    /// Maximum boosting rounds (early stopping may keep fewer).
    package var rounds: Int
    /// Rounds without improvement of the validation metric before stopping.
    package var earlyStoppingRounds: Int
    package var maxDepth: Int
    /// Learning rate (`eta`).
    package var learningRate: Double
    /// Minimum hessian in a child. Floor 1: with `scale_pos_weight` a lone fraud would otherwise make a leaf.
    package var minChildWeight: Double
    package var subsample: Double
    package var columnSampleByTree: Double
    /// L2 regularisation (`lambda`).
    package var l2: Double
    /// Weight of positives; `nil` = negatives / positives of the training set.
    package var scalePositiveWeight: Double?
    package var maxBin: Int
    /// Threads (0 = all cores).
    package var threads: Int
    package var seed: Int
    /// Metric watched for early stopping (higher is better).
    package var evalMetric: String

    /// The smallest accepted `minChildWeight`.
    package static let minChildWeightFloor = 1.0

    /// - Throws: `ConfigurationError` naming the first parameter out of range.
    package init(rounds: Int = 400, earlyStoppingRounds: Int = 40, maxDepth: Int = 6, learningRate: Double = 0.1,
                minChildWeight: Double = 1, subsample: Double = 0.8, columnSampleByTree: Double = 0.8, l2: Double = 1,
                scalePositiveWeight: Double? = nil, maxBin: Int = 256, threads: Int = 0, seed: Int = 0,
                evalMetric: String = "aucpr") throws {
        func require(_ ok: Bool, _ name: String, _ value: Any, _ expected: String) throws {
            if !ok { throw ConfigurationError(parameter: name, value: "\(value)", expected: expected) }
        }
        try require(rounds >= 1, "rounds", rounds, ">= 1")
        try require(earlyStoppingRounds >= 1, "early_stopping_rounds", earlyStoppingRounds, ">= 1")
        try require((1...20).contains(maxDepth), "max_depth", maxDepth, "1...20")
        try require(learningRate > 0 && learningRate <= 1, "eta", learningRate, "0 < eta <= 1")
        try require(minChildWeight >= Self.minChildWeightFloor, "min_child_weight", minChildWeight, ">= \(Self.minChildWeightFloor)")
        try require(subsample > 0 && subsample <= 1, "subsample", subsample, "0 < subsample <= 1")
        try require(columnSampleByTree > 0 && columnSampleByTree <= 1, "colsample_bytree", columnSampleByTree, "0 < colsample_bytree <= 1")
        try require(l2 >= 0, "lambda", l2, ">= 0")
        try require(scalePositiveWeight.map { $0 > 0 } ?? true, "scale_pos_weight", scalePositiveWeight ?? 0, "> 0")
        try require((2...65_536).contains(maxBin), "max_bin", maxBin, "2...65536")
        try require(threads >= 0, "nthread", threads, ">= 0")
        self.rounds = rounds
        self.earlyStoppingRounds = earlyStoppingRounds
        self.maxDepth = maxDepth
        self.learningRate = learningRate
        self.minChildWeight = minChildWeight
        self.subsample = subsample
        self.columnSampleByTree = columnSampleByTree
        self.l2 = l2
        self.scalePositiveWeight = scalePositiveWeight
        self.maxBin = maxBin
        self.threads = threads
        self.seed = seed
        self.evalMetric = evalMetric
    }

    /// The booster parameters as XGBoost names them, with `scale_pos_weight` resolved.
    package func xgboostPairs(scalePositiveWeight resolved: Double) -> [(String, String)] {
        [
            ("objective", "binary:logistic"), ("tree_method", "hist"), ("max_depth", "\(maxDepth)"),
            ("eta", "\(learningRate)"), ("min_child_weight", "\(minChildWeight)"), ("subsample", "\(subsample)"),
            ("colsample_bytree", "\(columnSampleByTree)"), ("lambda", "\(l2)"), ("scale_pos_weight", "\(resolved)"),
            ("max_bin", "\(maxBin)"), ("nthread", "\(threads)"), ("seed", "\(seed)"), ("eval_metric", evalMetric),
            ("base_score", "0.5"), ("verbosity", "1"),
        ]
    }
}
