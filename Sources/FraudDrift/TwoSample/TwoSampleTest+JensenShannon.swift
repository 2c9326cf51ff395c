#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension TwoSampleTest {
    /// √(JS divergence) as `scipy.spatial.distance.jensenshannon(p, q)`: both normalised, natural log.
    static func jensenShannonDistance(_ p: [Double], _ q: [Double]) -> Double {
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
