#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension TwoSampleTest {
    /// Population Stability Index Σ (rᵢ − cᵢ)·ln(rᵢ/cᵢ) over binned shares of two numerical samples,
    /// empty bins filled as Evidently does. Binning defaults to Evidently's (Sturges equal-width);
    /// `.referenceQuantiles(count: 10)` gives the textbook decile PSI. Drift when ≥ threshold.
    /// - Precondition: both samples are non-empty.
    public static func populationStabilityIndex(
        reference: [Double], current: [Double], binning: DriftBinning = .evidently,
        threshold: Double = StatTestName.psi.defaultThreshold
    ) -> StatTestResult {
        binnedTest(.psi, Binning.shares(reference: reference, current: current, binning: binning), threshold, psi)
    }

    /// PSI over the category shares of two categorical samples. Drift when ≥ threshold.
    /// - Precondition: both samples are non-empty.
    public static func populationStabilityIndex<Value: Hashable>(
        referenceCategories reference: [Value], currentCategories current: [Value],
        threshold: Double = StatTestName.psi.defaultThreshold
    ) -> StatTestResult {
        binnedTest(.psi, CategoryCounts(reference: reference, current: current).shares, threshold, psi)
    }

    /// Σ (r − c)·ln(r/c) after filling empty bins.
    package static func psi(_ reference: [Double], _ current: [Double]) -> Double {
        let r = Binning.fillingZeroes(reference)
        let c = Binning.fillingZeroes(current)
        var total = 0.0
        for index in r.indices { total += (r[index] - c[index]) * log(r[index] / c[index]) }
        return total
    }
}
