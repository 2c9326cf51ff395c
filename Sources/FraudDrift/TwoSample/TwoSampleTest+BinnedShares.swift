extension TwoSampleTest {
    /// Jensen–Shannon distance (`.jensenshannon`, Evidently's, natural log) or Population Stability Index (`.psi`,
    /// Σ (rᵢ − cᵢ)·ln(rᵢ/cᵢ), empty bins filled as Evidently does) between binned shares of two numerical samples.
    /// Binning defaults to Evidently's (Sturges equal-width); `.referenceQuantiles(count: 10)` gives the textbook
    /// decile PSI. Drift when ≥ threshold (default: the test's).
    /// - Precondition: `test` is `.jensenshannon` or `.psi`; both samples are non-empty.
    package static func binnedShares(
        _ test: StatTestName, reference: [Double], current: [Double], binning: DriftBinning = .evidently, threshold: Double? = nil
    ) -> StatTestResult {
        binnedTest(test, Binning.shares(reference: reference, current: current, binning: binning), threshold)
    }

    /// Jensen–Shannon distance (`.jensenshannon`) or PSI (`.psi`) between the category shares of two categorical
    /// samples. Drift when ≥ threshold (default: the test's).
    /// - Precondition: `test` is `.jensenshannon` or `.psi`; both samples are non-empty.
    package static func binnedShares<Value: Hashable>(
        _ test: StatTestName, referenceCategories reference: [Value], currentCategories current: [Value], threshold: Double? = nil
    ) -> StatTestResult {
        binnedTest(test, CategoryCounts(reference: reference, current: current).shares, threshold)
    }

    private static func binnedTest(_ test: StatTestName, _ shares: (reference: [Double], current: [Double]), _ threshold: Double?) -> StatTestResult {
        // An empty sample shows up as no bins, or as NaN shares (a count divided by zero).
        precondition(!shares.reference.isEmpty && (shares.reference + shares.current).allSatisfy(\.isFinite),
                     "\(test.rawValue): reference and current must be non-empty")
        let score: Double
        switch test {
        case .jensenshannon: score = jensenShannonDistance(shares.reference, shares.current)
        case .psi: score = psi(shares.reference, shares.current)
        case .ks, .chisquare, .z, .wasserstein: preconditionFailure("\(test.rawValue) is not a test of binned shares")
        }
        return StatTestResult(test: test, score: score, threshold: threshold ?? test.defaultThreshold)
    }
}
