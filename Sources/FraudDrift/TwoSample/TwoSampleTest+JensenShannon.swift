#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension TwoSampleTest {
    /// Jensen–Shannon distance (natural log) between binned shares of two numerical samples,
    /// Evidently's `jensenshannon` (binning: `DriftBinning.evidently`). Drift when ≥ threshold.
    /// - Precondition: both samples are non-empty.
    public static func jensenShannon(
        reference: [Double], current: [Double], binning: DriftBinning = .evidently,
        threshold: Double = StatTestName.jensenshannon.defaultThreshold
    ) -> StatTestResult {
        binnedTest(.jensenshannon, Binning.shares(reference: reference, current: current, binning: binning), threshold, jensenShannonDistance)
    }

    /// Jensen–Shannon distance between the category shares of two categorical samples. Drift when ≥ threshold.
    /// - Precondition: both samples are non-empty.
    public static func jensenShannon<Value: Hashable>(
        referenceCategories reference: [Value], currentCategories current: [Value],
        threshold: Double = StatTestName.jensenshannon.defaultThreshold
    ) -> StatTestResult {
        binnedTest(.jensenshannon, CategoryCounts(reference: reference, current: current).shares, threshold, jensenShannonDistance)
    }

    /// A distance-like test on binned shares of two non-empty samples.
    static func binnedTest(
        _ test: StatTestName, _ shares: (reference: [Double], current: [Double]), _ threshold: Double,
        _ score: ([Double], [Double]) -> Double
    ) -> StatTestResult {
        // An empty sample shows up as no bins, or as NaN shares (a count divided by zero).
        precondition(!shares.reference.isEmpty && (shares.reference + shares.current).allSatisfy(\.isFinite),
                     "\(test.rawValue): reference and current must be non-empty")
        return StatTestResult(test: test, score: score(shares.reference, shares.current), threshold: threshold)
    }

    /// √(JS divergence) as `scipy.spatial.distance.jensenshannon(p, q)`: both normalised, natural log.
    package static func jensenShannonDistance(_ p: [Double], _ q: [Double]) -> Double {
        let pTotal = p.reduce(0, +)
        let qTotal = q.reduce(0, +)
        var divergence = 0.0
        for index in p.indices {
            let a = p[index] / pTotal
            let b = q[index] / qTotal
            let mean = (a + b) / 2
            if a > 0 { divergence += a * log(a / mean) }
            if b > 0 { divergence += b * log(b / mean) }
        }
        return (max(divergence, 0) / 2).squareRoot()
    }
}
