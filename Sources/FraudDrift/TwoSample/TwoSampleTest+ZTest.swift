extension TwoSampleTest {
    /// Two-sided Z-test for two proportions (Evidently's `z`): the smallest category is "0", all
    /// others "1", pooled variance; p = 2·(1 − Φ(|z|)) exactly as Evidently writes it.
    /// Drift when p < threshold. Both samples holding the same single value give p = 1.
    /// - Precondition: both samples are non-empty.
    package static func zTest<Value: Hashable & Comparable>(
        reference: [Value], current: [Value], threshold: Double = StatTestName.z.defaultThreshold
    ) -> StatTestResult {
        precondition(!reference.isEmpty && !current.isEmpty, "zTest: reference and current must be non-empty")
        let referenceValues = Set(reference)
        let currentValues = Set(current)
        if referenceValues.count == 1 && referenceValues == currentValues {
            return StatTestResult(test: .z, score: 1, statistic: 0, pValue: 1, threshold: threshold)
        }
        let first = referenceValues.union(currentValues).min()!
        let n1 = Double(reference.count)
        let n2 = Double(current.count)
        let p1 = Double(reference.lazy.filter { $0 != first }.count) / n1
        let p2 = Double(current.lazy.filter { $0 != first }.count) / n2
        let pooled = (p1 * n1 + p2 * n2) / (n1 + n2)
        let z = (p1 - p2) / (pooled * (1 - pooled) * (1 / n1 + 1 / n2)).squareRoot()
        let p = 2 * (1 - NormalDistribution.cdf(abs(z)))
        return StatTestResult(test: .z, score: p, statistic: z, pValue: p, threshold: threshold)
    }
}
