extension TwoSampleTest {
    /// Two-sided two-sample Kolmogorov–Smirnov test, p-value as `scipy.stats.ks_2samp(method="auto")`:
    /// exact when both samples have at most 10,000 values, else the finite-n Kolmogorov distribution
    /// at n = round(m·n/(m+n)). Drift when p ≤ threshold (Evidently's `ks`).
    /// - Precondition: both samples are non-empty.
    package static func kolmogorovSmirnov(
        reference: [Double], current: [Double], threshold: Double = StatTestName.ks.defaultThreshold
    ) -> StatTestResult {
        precondition(!reference.isEmpty && !current.isEmpty, "kolmogorovSmirnov: reference and current must be non-empty")
        let (statistic, p) = kolmogorovSmirnovStatistic(reference.sorted(), current.sorted())
        return StatTestResult(test: .ks, score: p, statistic: statistic, pValue: p, threshold: threshold)
    }

    /// D and its p-value for two already sorted samples.
    package static func kolmogorovSmirnovStatistic(_ first: [Double], _ second: [Double]) -> (Double, Double) {
        let n1 = first.count
        let n2 = second.count
        var d = 0.0
        var i = 0
        var j = 0
        // Walk the merged order; after consuming every copy of a value, compare the two ECDFs.
        while i < n1 || j < n2 {
            let value = j >= n2 || (i < n1 && first[i] <= second[j]) ? first[i] : second[j]
            while i < n1 && first[i] == value { i += 1 }
            while j < n2 && second[j] == value { j += 1 }
            d = max(d, abs(Double(i) / Double(n1) - Double(j) / Double(n2)))
        }
        if max(n1, n2) <= 10_000, let exact = SmirnovTwoSampleExact.survival(m: n1, n: n2, statistic: d) {
            return (exact.statistic, exact.pValue)
        }
        let (m, n) = (Double(max(n1, n2)), Double(min(n1, n2)))
        let effective = (m * n / (m + n)).rounded(.toNearestOrEven)
        return (d, KolmogorovDistribution.survival(n: Int(effective), x: d))
    }
}
