extension TwoSampleTest {
    /// Pearson's chi-square goodness-of-fit of the current counts against the reference frequencies
    /// scaled to the current size (Evidently's `chisquare`), over the union of categories;
    /// p-value from χ²(k − 1). Drift when p < threshold.
    /// - Precondition: both samples are non-empty.
    package static func chiSquare<Value: Hashable>(
        reference: [Value], current: [Value], threshold: Double = StatTestName.chisquare.defaultThreshold
    ) -> StatTestResult {
        precondition(!reference.isEmpty && !current.isEmpty, "chiSquare: reference and current must be non-empty")
        let counts = CategoryCounts(reference: reference, current: current)
        let scale = Double(current.count) / Double(reference.count)
        var statistic = 0.0
        for index in counts.categories.indices {
            let expected = Double(counts.reference[index]) * scale
            let difference = Double(counts.current[index]) - expected
            statistic += difference * difference / expected
        }
        let categories = counts.categories.count
        // One category cannot differ in share; SciPy gives NaN there (zero degrees of freedom).
        let p = categories > 1 ? ChiSquareDistribution.survival(statistic, degreesOfFreedom: Double(categories - 1)) : 1
        return StatTestResult(test: .chisquare, score: p, statistic: statistic, pValue: p, threshold: threshold)
    }
}
