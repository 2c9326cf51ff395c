extension TwoSampleTest {
    /// First Wasserstein distance divided by the reference's population standard deviation
    /// (floored at 0.001), Evidently's `wasserstein`. Drift when the score ≥ threshold.
    /// - Precondition: both samples are non-empty.
    package static func wasserstein(
        reference: [Double], current: [Double], threshold: Double = StatTestName.wasserstein.defaultThreshold
    ) -> StatTestResult {
        precondition(!reference.isEmpty && !current.isEmpty, "wasserstein: reference and current must be non-empty")
        let distance = wassersteinDistance(reference.sorted(), current.sorted())
        let score = distance / max(standardDeviation(reference), 0.001)
        return StatTestResult(test: .wasserstein, score: score, threshold: threshold)
    }

    /// ∫|F_u − F_v| over the real line for two sorted samples (`scipy.stats.wasserstein_distance`).
    package static func wassersteinDistance(_ u: [Double], _ v: [Double]) -> Double {
        let nu = Double(u.count)
        let nv = Double(v.count)
        var i = 0
        var j = 0
        var total = 0.0
        var previous = min(u[0], v[0])
        while i < u.count || j < v.count {
            let value = j >= v.count || (i < u.count && u[i] <= v[j]) ? u[i] : v[j]
            total += abs(Double(i) / nu - Double(j) / nv) * (value - previous)
            previous = value
            while i < u.count && u[i] == value { i += 1 }
            while j < v.count && v[j] == value { j += 1 }
        }
        return total
    }

    /// Population standard deviation (NumPy's `np.std`, ddof = 0), two-pass.
    package static func standardDeviation(_ values: [Double]) -> Double {
        let mean = values.reduce(0, +) / Double(values.count)
        let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (squares / Double(values.count)).squareRoot()
    }
}
