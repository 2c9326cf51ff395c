#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension TwoSampleTest {
    /// Σ (r − c)·ln(r/c) after filling empty bins.
    static func psi(_ reference: [Double], _ current: [Double]) -> Double {
        let r = Binning.fillingZeroes(reference)
        let c = Binning.fillingZeroes(current)
        var total = 0.0
        for index in r.indices { total += (r[index] - c[index]) * log(r[index] / c[index]) }
        return total
    }
}
