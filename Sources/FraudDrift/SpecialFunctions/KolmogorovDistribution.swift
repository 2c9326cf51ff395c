#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The distribution of the two-sided one-sample Kolmogorov–Smirnov statistic Dₙ for finite n
/// (SciPy's `kstwo`), used by the asymptotic branch of the two-sample test.
///
/// The choice of method per (n, x) follows Simard & L'Ecuyer, "Computing the Two-Sided
/// Kolmogorov–Smirnov Distribution", J. Stat. Softw. 39(11), 2011, with SciPy's cut-offs
/// (`scipy/stats/_ksstats.py`), so p-values agree with `scipy.stats.ks_2samp`:
/// Ruben–Gambino closed forms at the ends, Durbin's matrix (as evaluated by Marsaglia, Tsang &
/// Wang, J. Stat. Softw. 8(18), 2003) and Pomeranz's recursion (CACM 17(12), 1974) for small
/// n·x², Pelz–Good's expansion (JRSS B 38(2), 1976) for large n, and twice the one-sided
/// Smirnov tail (Birnbaum & Tingey, Ann. Math. Statist. 1951) in the upper tail.
package enum KolmogorovDistribution {
    private static let scaleUp = 0x1p128
    private static let scaleDown = 0x1p-128

    /// Pr(Dₙ ≥ x).
    package static func survival(n: Int, x: Double) -> Double {
        guard n > 0, !x.isNaN else { return .nan }
        if x >= 1 { return 0 }
        if x <= 0 { return 1 }
        let size = Double(n)
        let t = size * x
        if t <= 1 {
            if t <= 0.5 { return 1 }
            // Ruben–Gambino: Pr(Dₙ ≤ x) = n!/nⁿ (2t − 1)ⁿ for 1/2n ≤ x ≤ 1/n.
            var cdf = 1.0
            if n <= 140 {
                for i in 1...n { cdf *= Double(i) * (1.0 / size) * (2 * t - 1) }
            } else {
                cdf = exp(logFactorialOverPower(n) + size * log(2 * t - 1))
            }
            return clip(1 - clip(cdf))
        }
        if t >= size - 1 { return clip(2 * pow(1 - x, size)) }
        if x >= 0.5 { return clip(2 * smirnovSurvival(n: n, x: x)) }
        let nxSquared = t * x
        if n <= 140 {
            if nxSquared <= 0.754693 { return clip(1 - durbinCDF(n: n, x: x)) }
            if nxSquared <= 4 { return clip(1 - pomeranzCDF(n: n, x: x)) }
            return clip(2 * smirnovSurvival(n: n, x: x))
        }
        if nxSquared >= 370 { return 0 }
        if nxSquared >= 2.2 { return clip(2 * smirnovSurvival(n: n, x: x)) }
        let cdf = n <= 100_000 && size * pow(x, 1.5) <= 1.4 ? durbinCDF(n: n, x: x) : pelzGoodCDF(n: n, x: x)
        return clip(1 - cdf)
    }

    /// Pr(Dₙ⁺ ≥ x), the one-sided Smirnov tail, by the Birnbaum–Tingey sum of positive terms
    /// x Σⱼ C(n, j) (x + j/n)^(j−1) (1 − x − j/n)^(n−j), j = 0 … ⌊n(1 − x)⌋, each term in logs.
    package static func smirnovSurvival(n: Int, x: Double) -> Double {
        if x >= 1 { return 0 }
        if x <= 0 { return 1 }
        let size = Double(n)
        let last = Int((size * (1 - x)).rounded(.down))
        let logFactorialN = logGamma(size + 1)
        var sum = 0.0
        for j in 0...max(last, 0) {
            let jd = Double(j)
            let position = x + jd / size
            let remaining = 1 - position
            var logTerm = logFactorialN - logGamma(jd + 1) - logGamma(size - jd + 1) + (jd - 1) * log(position)
            if n - j > 0 {
                guard remaining > 0 else { continue }
                logTerm += (size - jd) * log(remaining)
            }
            sum += exp(logTerm)
        }
        return min(max(x * sum, 0), 1)
    }

    /// log(n!/nⁿ) by Stirling's series with the n·log n term removed up front.
    private static func logFactorialOverPower(_ n: Int) -> Double {
        // Bernoulli-number coefficients B₂ⱼ/(2j(2j−1)), j = 8 … 1.
        let coefficients: [Double] = [
            -2.955065359477124183e-2, 6.4102564102564102564e-3, -1.9175269175269175269e-3,
            8.4175084175084175084e-4, -5.952380952380952381e-4, 7.9365079365079365079e-4,
            -2.7777777777777777778e-3, 8.3333333333333333333e-2,
        ]
        let size = Double(n)
        let reciprocal = 1 / size
        let y = reciprocal / size
        var polynomial = 0.0
        for coefficient in coefficients { polynomial = polynomial * y + coefficient }
        return log(size) / 2 - size + log(2 * Double.pi) / 2 + reciprocal * polynomial
    }

    /// Pr(Dₙ ≤ x) by Durbin's matrix method: the (k, k) entry of n!/nⁿ · Hⁿ, with H of size
    /// 2k − 1 where x = (k − h)/n, powers taken by squaring and rescaled by 2¹²⁸ to stay in range.
    private static func durbinCDF(n: Int, x: Double) -> Double {
        if x >= 1 { return 1 }
        let nx = Double(n) * x
        if nx <= 0.5 { return 0 }
        let k = Int(nx.rounded(.up))
        let h = Double(k) - nx
        let m = 2 * k - 1
        var v = [Double](repeating: 0, count: m)
        var w = [Double](repeating: 0, count: m)
        var factorial = 1.0
        for j in 1...m {
            w[j - 1] = factorial
            factorial /= Double(j)
            v[j - 1] = (1 - pow(h, Double(j))) * factorial
        }
        let correction = pow(max(2 * h - 1, 0), Double(m)) - 2 * pow(h, Double(m))
        v[m - 1] = (1 + correction) * factorial
        var matrix = SquareMatrix(size: m)
        for column in 1..<max(m, 1) {
            for row in (column - 1)..<m { matrix[row, column] = w[row - column + 1] }
        }
        for row in 0..<m { matrix[row, 0] = v[row] }
        for column in 0..<m { matrix[m - 1, column] = v[m - 1 - column] }

        var power = SquareMatrix.identity(size: m)
        var remaining = n
        var exponent = 0
        var matrixExponent = 0
        while remaining > 0 {
            if remaining % 2 == 1 {
                power = power * matrix
                exponent += matrixExponent
            }
            matrix = matrix * matrix
            matrixExponent *= 2
            if abs(matrix[k - 1, k - 1]) > scaleUp {
                matrix.scale(by: scaleDown)
                matrixExponent += 128
            }
            remaining /= 2
        }
        var p = power[k - 1, k - 1]
        for i in 1...n {
            p = Double(i) * p / Double(n)
            if abs(p) < scaleDown {
                p *= scaleUp
                exponent -= 128
            }
        }
        if exponent != 0 { p = scalbn(p, exponent) }
        return clip(p)
    }

    /// Pr(Dₙ ≤ x) by Pomeranz's recursion: 2n + 1 convolutions of a short row with truncated
    /// Poisson weights, keeping only the non-zero band of each row.
    private static func pomeranzCDF(n: Int, x: Double) -> Double {
        let t = Double(n) * x
        let whole = Int(t.rounded(.down))
        let fraction = t - Double(whole)
        let g = min(fraction, 1 - fraction)
        let ceilF = fraction > 0 ? 1 : 0
        let roundF = fraction > 0.5 ? 1 : 0
        let count = 2 * (whole + 1)
        var gPower = [Double](repeating: 1, count: count)
        var twoGPower = [Double](repeating: 1, count: count)
        var oneMinusTwoGPower = [Double](repeating: 1, count: count)
        let size = Double(n)
        for m in 1..<count {
            gPower[m] = gPower[m - 1] * (g / size) / Double(m)
            twoGPower[m] = twoGPower[m - 1] * (2 * g / size) / Double(m)
            oneMinusTwoGPower[m] = oneMinusTwoGPower[m - 1] * ((1 - 2 * g) / size) / Double(m)
        }
        func band(_ i: Int) -> (Int, Int) {
            var j1: Int
            var j2: Int
            if i == 0 {
                j1 = -whole - ceilF - 1
                j2 = whole + ceilF - 1
            } else {
                let half = (i + 1) / 2
                if (i + 1) % 2 == 0 {
                    if half == n + 1 {
                        j1 = n - whole - ceilF - 1
                        j2 = n + whole + ceilF - 1
                    } else {
                        j1 = half - 1 - whole - roundF - 1
                        j2 = half + whole - 1 + ceilF - 1
                    }
                } else {
                    j1 = half - 1 - whole - 1
                    j2 = half + whole + roundF - 1
                }
            }
            return (max(j1 + 2, 0), min(j2, n))
        }
        var previous = [Double](repeating: 0, count: count)
        var current = [Double](repeating: 0, count: count)
        current[0] = 1
        var previousStart = 0
        var currentStart = 0
        var (j1, j2) = band(0)
        var exponent = 0
        for i in 1..<(2 * n + 2) {
            let k1 = j1
            swap(&previous, &current)
            swap(&previousStart, &currentStart)
            for index in current.indices { current[index] = 0 }
            (j1, j2) = band(i)
            let weights = i == 1 || i == 2 * n + 1 ? gPower : (i % 2 == 1 ? twoGPower : oneMinusTwoGPower)
            let length = j2 - k1 + 1
            guard length > 0 else { continue }
            let offset = k1 - previousStart
            let sourceCount = min(length, count - offset)
            let outputStart = j1 - k1
            let outputCount = j2 - j1 + 1
            var largest = 0.0
            for out in 0..<outputCount {
                let index = outputStart + out
                var total = 0.0
                for a in max(0, index - (length - 1))...min(index, sourceCount - 1) {
                    total += previous[offset + a] * weights[index - a]
                }
                current[out] = total
                largest = max(largest, total)
            }
            if largest > 0 && largest < scaleDown {
                for index in 0..<outputCount { current[index] *= scaleUp }
                exponent -= 128
            }
            currentStart = previousStart + j1 - k1
        }
        var answer = current[n - currentStart]
        for m in 1...n {
            if abs(answer) > scaleUp {
                answer *= scaleDown
                exponent += 128
            }
            answer *= Double(m)
        }
        if exponent != 0 { answer = scalbn(answer, exponent) }
        return clip(answer)
    }

    /// Pr(Dₙ ≤ x) by the Pelz–Good asymptotic expansion K₀ + K₁/√n + K₂/n + K₃/n^1.5 in z = x√n,
    /// written with Jacobi theta transforms so that it converges for small z.
    private static func pelzGoodCDF(n: Int, x: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let pi2 = Double.pi * Double.pi
        let pi4 = pi2 * pi2
        let pi6 = pi4 * pi2
        let z = Double(n).squareRoot() * x
        let z2 = z * z, z3 = z2 * z, z4 = z2 * z2, z6 = z4 * z2
        let qLog = -pi2 / 8 / z2
        if qLog < -708 { return 0 }
        var q = exp(qLog)
        let k1a = -z2, k1b = pi2 / 4
        let k2a = 6 * z6 + 2 * z4
        let k2b = (2 * z4 - 5 * z2) * pi2 / 4
        let k2c = pi4 * (1 - 2 * z2) / 16
        let k3d = pi6 * (5 - 30 * z2) / 64
        let k3c = pi4 * (-60 * z2 + 212 * z4) / 16
        let k3b = pi2 * (135 * z4 - 96 * z6) / 4
        let k3a = -30 * z6 - 90 * pow(z, 8)
        var terms = [0.0, 0.0, 0.0, 0.0]
        let maxK = Int((16 * z / Double.pi).rounded(.up))
        // Horner scheme over odd integers m = 2k − 1 of Σ c(m) q^(m²).
        for k in stride(from: maxK, through: 1, by: -1) {
            let m = Double(2 * k - 1)
            let m2 = m * m, m4 = m2 * m2, m6 = m4 * m2
            let qPower = pow(q, Double(8 * k))
            let coefficients = [1.0, k1a + k1b * m2, k2a + k2b * m2 + k2c * m4, k3a + k3b * m2 + k3c * m4 + k3d * m6]
            for index in 0..<4 { terms[index] = terms[index] * qPower + coefficients[index] }
        }
        let root2Pi = (2 * Double.pi).squareRoot()
        let divisors = [z, 6 * z4, 72 * pow(z, 7), 6480 * pow(z, 10)]
        for index in 0..<4 { terms[index] = terms[index] * q * root2Pi / divisors[index] }
        q = exp(-pi2 / 2 / z2)
        var k2Extra = 0.0
        var k3Extra = 0.0
        let root3z = 3.0.squareRoot() * z
        for k in stride(from: maxK, through: 1, by: -1) {
            let kd = Double(k)
            let k2 = kd * kd
            let qPower = pow(q, k2)
            k2Extra += k2 * qPower
            k3Extra += (root3z + Double.pi * kd) * (root3z - Double.pi * kd) * k2 * qPower
        }
        terms[2] += k2Extra * pi2 * root2Pi / (-36 * z3)
        terms[3] += k3Extra * pi2 * root2Pi / (216 * z6)
        var cdf = 0.0
        for index in 0..<4 { cdf += terms[index] / pow(Double(n), Double(index) / 2) }
        return clip(cdf)
    }

    private static func clip(_ p: Double) -> Double { min(max(p, 0), 1) }
}

/// A small dense row-major matrix for Durbin's method.
private struct SquareMatrix {
    var size: Int
    var values: [Double]

    init(size: Int) {
        self.size = size
        values = [Double](repeating: 0, count: size * size)
    }

    static func identity(size: Int) -> SquareMatrix {
        var matrix = SquareMatrix(size: size)
        for i in 0..<size { matrix[i, i] = 1 }
        return matrix
    }

    subscript(row: Int, column: Int) -> Double {
        get { values[row * size + column] }
        set { values[row * size + column] = newValue }
    }

    mutating func scale(by factor: Double) {
        for index in values.indices { values[index] *= factor }
    }

    static func * (lhs: SquareMatrix, rhs: SquareMatrix) -> SquareMatrix {
        var product = SquareMatrix(size: lhs.size)
        for i in 0..<lhs.size {
            for k in 0..<lhs.size {
                let a = lhs[i, k]
                if a == 0 { continue }
                for j in 0..<lhs.size { product.values[i * lhs.size + j] += a * rhs.values[k * lhs.size + j] }
            }
        }
        return product
    }
}
