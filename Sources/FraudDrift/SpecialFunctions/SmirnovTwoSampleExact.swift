/// Exact two-sided p-values of the two-sample Kolmogorov–Smirnov (Smirnov) statistic,
/// as `scipy.stats.ks_2samp` computes them for samples of at most 10,000 values.
///
/// Lattice-path counting after Hodges, "The Significance Probability of the Smirnov Two-Sample
/// Test", Arkiv för Matematik 3(43), 1958, with the complement recursion of Viehmann,
/// "Numerically more stable computation of the p-values for the two-sample
/// Kolmogorov–Smirnov test", arXiv:2102.08037, which keeps every value in [0, 1].
package enum SmirnovTwoSampleExact {
    /// The statistic rounded to the lattice (h / lcm(m, n)) and Pr(D ≥ d) under the null,
    /// or `nil` when the computation is not trustworthy (the caller falls back to the asymptotic form).
    package static func survival(m: Int, n: Int, statistic d: Double) -> (statistic: Double, pValue: Double)? {
        let g = gcd(m, n)
        let lcm = Double((m / g) * n)
        let h = Int((d * lcm).rounded(.toNearestOrEven))
        let lattice = Double(h) / lcm
        if h == 0 { return (lattice, 1) }
        let p = m == n ? outsideSquare(n: n, h: h) : outsideBand(m: m, n: n, g: g, h: h)
        guard p >= 0, p <= 1 else { return nil }
        return (lattice, p)
    }

    /// Pr(D_{n,n} ≥ h/n) = 2 Σ (−1)^(k−1) C(2n, n − kh)/C(2n, n), evaluated Horner-like from the
    /// innermost term so that no large binomial coefficient is ever formed.
    private static func outsideSquare(n: Int, h: Int) -> Double {
        var total = 0.0
        var k = n / h
        while k >= 0 {
            var ratio = 1.0
            for j in 0..<h {
                ratio = Double(n - k * h - j) * ratio / Double(n + k * h + j + 1)
            }
            total = ratio * (1 - total)
            k -= 1
        }
        return 2 * total
    }

    /// The share of monotone lattice paths from (0, 0) to (m, n) that leave the band
    /// |x/m − y/n| < h/lcm(m, n), one column at a time over a sliding window.
    private static func outsideBand(m: Int, n: Int, g: Int, h: Int) -> Double {
        let (m, n) = m >= n ? (m, n) : (n, m)
        let mg = Double(m / g)
        let ng = Double(n / g)
        let hd = Double(h)
        var minJ = 0
        var maxJ = min(Int((hd / mg).rounded(.up)), n + 1)
        var currentLength = maxJ - minJ
        let length = min(2 * maxJ + 2, n + 1)
        var column = [Double](repeating: 1, count: length)
        for j in minJ..<maxJ { column[j] = 0 }
        for i in 1...m {
            let lastMinJ = minJ
            let lastLength = currentLength
            minJ = min(max(Int(((ng * Double(i) - hd) / mg).rounded(.down)) + 1, 0), n)
            maxJ = min(Int(((ng * Double(i) + hd) / mg).rounded(.up)), n + 1)
            if maxJ <= minJ { return 1 }
            var value = minJ == 0 ? 0.0 : 1.0
            for offset in 0..<(maxJ - minJ) {
                let j = offset + minJ
                value = (column[offset + minJ - lastMinJ] * Double(i) + value * Double(j)) / Double(i + j)
                column[offset] = value
            }
            currentLength = maxJ - minJ
            if lastLength > currentLength {
                for index in (maxJ - minJ)..<(maxJ - minJ + lastLength - currentLength) { column[index] = 1 }
            }
        }
        return column[maxJ - minJ - 1]
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int {
        var (a, b) = (a, b)
        while b != 0 { (a, b) = (b, a % b) }
        return a
    }
}
