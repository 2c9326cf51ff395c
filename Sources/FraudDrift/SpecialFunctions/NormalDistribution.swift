#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The standard normal distribution.
package enum NormalDistribution {
    /// Φ(x), the standard normal CDF.
    ///
    /// Same split as Cephes' `ndtr` (used by SciPy's `norm.cdf`): `erf` near zero, where it is
    /// accurate, and the C library's `erfc` in the tails, so small tail areas keep their digits.
    package static func cdf(_ x: Double) -> Double {
        guard !x.isNaN else { return .nan }
        let t = x * 0.5.squareRoot()
        let z = abs(t)
        if z < 0.5.squareRoot() {
            return 0.5 + 0.5 * erf(t)
        }
        let tail = 0.5 * erfc(z)
        return t > 0 ? 1 - tail : tail
    }
}
