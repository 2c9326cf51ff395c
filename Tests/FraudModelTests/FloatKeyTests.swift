@testable import FraudModel
import Testing

struct FloatKeyTests {
    @Test func keysOrderValuesAsFloatComparisonDoesAndPutNaNAboveAll() {
        let values: [Float] = [-.infinity, -.greatestFiniteMagnitude, -1e10, -1.5, -1, -.leastNormalMagnitude,
                               -.leastNonzeroMagnitude, -0.0, 0, .leastNonzeroMagnitude, .leastNormalMagnitude, 1, 1.0000001,
                               1e10, .greatestFiniteMagnitude, .infinity]
        for a in values {
            for b in values {
                #expect((FloatKey.of(a) < FloatKey.of(b)) == (a < b), "\(a) vs \(b)")
                #expect((FloatKey.of(a) == FloatKey.of(b)) == (a == b), "\(a) vs \(b)")
            }
            #expect(FloatKey.of(a) < FloatKey.missing)
        }
        #expect(FloatKey.of(.nan) == FloatKey.missing)
        #expect(FloatKey.of(-Float.nan) == FloatKey.missing)
        #expect(FloatKey.of(.signalingNaN) == FloatKey.missing)
    }
}
