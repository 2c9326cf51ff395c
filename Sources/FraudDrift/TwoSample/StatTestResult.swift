/// The outcome of one two-sample drift test (after Evidently's `StatTestResult`).
package struct StatTestResult: Sendable, Hashable, Codable {
    /// Which test produced it.
    package var test: StatTestName
    /// The drift score as Evidently reports it: the p-value for K-S, chi-square and Z, else the distance or index.
    package var score: Double
    /// The test statistic where one is defined (K-S D, χ², z); `nil` for distances.
    package var statistic: Double?
    /// The p-value where one is defined; `nil` for distances.
    package var pValue: Double?
    /// The threshold actually used for the decision.
    package var threshold: Double
    /// Whether the test says the current sample drifted from the reference.
    package var drifted: Bool

    /// A result; `drifted` is decided by the test's own rule (see `StatTestName.isDrift(score:threshold:)`).
    package init(test: StatTestName, score: Double, statistic: Double? = nil, pValue: Double? = nil, threshold: Double) {
        self.test = test
        self.score = score
        self.statistic = statistic
        self.pValue = pValue
        self.threshold = threshold
        self.drifted = test.isDrift(score: score, threshold: threshold)
    }
}

/// The two-sample tests, named as Evidently names them.
package enum StatTestName: String, Sendable, Hashable, Codable, CaseIterable {
    /// Two-sample Kolmogorov–Smirnov, p-value (numerical).
    case ks
    /// Pearson's chi-square with reference frequencies as expected counts, p-value (categorical).
    case chisquare
    /// Z-test for two proportions, p-value (binary).
    case z
    /// First Wasserstein distance divided by the reference standard deviation (numerical).
    case wasserstein
    /// Jensen–Shannon distance of binned frequencies, natural log (numerical and categorical).
    case jensenshannon
    /// Population Stability Index of binned frequencies (numerical and categorical).
    case psi

    /// Evidently's default threshold: 0.05 for p-values, 0.1 for distances and PSI.
    package var defaultThreshold: Double {
        switch self {
        case .ks, .chisquare, .z: 0.05
        case .wasserstein, .jensenshannon, .psi: 0.1
        }
    }

    /// Whether the score is a p-value (drift when small) rather than a distance (drift when large).
    package var scoreIsPValue: Bool {
        switch self {
        case .ks, .chisquare, .z: true
        case .wasserstein, .jensenshannon, .psi: false
        }
    }

    /// Evidently's display name, e.g. "K-S p_value".
    package var displayName: String {
        switch self {
        case .ks: "K-S p_value"
        case .chisquare: "chi-square p_value"
        case .z: "Z-test p_value"
        case .wasserstein: "Wasserstein distance (normed)"
        case .jensenshannon: "Jensen-Shannon distance"
        case .psi: "PSI"
        }
    }

    /// Evidently's decision rule: K-S drifts at p ≤ threshold, chi-square and Z at p < threshold,
    /// distances and PSI at score ≥ threshold.
    package func isDrift(score: Double, threshold: Double) -> Bool {
        switch self {
        case .ks: score <= threshold
        case .chisquare, .z: score < threshold
        case .wasserstein, .jensenshannon, .psi: score >= threshold
        }
    }
}

/// The two-sample drift tests as pure functions of a reference and a current sample.
///
/// Each mirrors the Evidently stattest of the same name (legacy `evidently.calculations.stattests`),
/// and each statistic is checked against SciPy in the tests. Samples must be non-empty and free of
/// NaN and infinities (Evidently drops those before testing; `DriftReport` does the same).
package enum TwoSampleTest {}
