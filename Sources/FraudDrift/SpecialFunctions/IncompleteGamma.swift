#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The regularised incomplete gamma functions, for chi-square tail probabilities.
///
/// Numerical Recipes, 3rd ed. (Press, Teukolsky, Vetterling, Flannery 2007), §6.2: the series
/// for P(a, x) when x < a + 1, else the continued fraction for Q(a, x) evaluated by the
/// modified Lentz method (§5.2). `lgamma` comes from the C library.
package enum IncompleteGamma {
    /// Q(a, x) = Γ(a, x) / Γ(a), the upper regularised incomplete gamma function.
    /// - Precondition: a > 0 and x ≥ 0 (NaN otherwise).
    package static func upperRegularized(a: Double, x: Double) -> Double {
        guard a > 0, x >= 0, !x.isNaN else { return .nan }
        if x == 0 { return 1 }
        if x.isInfinite { return 0 }
        if x < a + 1 { return 1 - series(a: a, x: x) }
        return continuedFraction(a: a, x: x)
    }

    /// P(a, x) by its power series; converges quickly for x < a + 1.
    private static func series(a: Double, x: Double) -> Double {
        var ap = a
        var term = 1 / a
        var sum = term
        // The number of terms grows like √a near x ≈ a; the cap only stops a runaway loop.
        for _ in 0..<100_000 {
            ap += 1
            term *= x / ap
            sum += term
            if abs(term) < abs(sum) * Double.ulpOfOne { break }
        }
        return sum * exp(-x + a * log(x) - logGamma(a))
    }

    /// Q(a, x) by its continued fraction (modified Lentz); converges quickly for x ≥ a + 1.
    private static func continuedFraction(a: Double, x: Double) -> Double {
        let tiny = Double.leastNormalMagnitude / Double.ulpOfOne
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var h = d
        var i = 1.0
        while i < 100_000 {
            let an = -i * (i - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) <= Double.ulpOfOne { break }
            i += 1
        }
        return exp(-x + a * log(x) - logGamma(a)) * h
    }
}

/// The chi-square distribution.
package enum ChiSquareDistribution {
    /// Pr(X ≥ x) for X ~ χ²(degreesOfFreedom): Q(k/2, x/2).
    package static func survival(_ x: Double, degreesOfFreedom: Double) -> Double {
        guard degreesOfFreedom > 0 else { return .nan }
        if x <= 0 { return 1 }
        return IncompleteGamma.upperRegularized(a: degreesOfFreedom / 2, x: x / 2)
    }
}

/// log Γ(x) from the C library (the overlay's tuple-returning `lgamma` makes the bare name ambiguous).
package func logGamma(_ x: Double) -> Double {
    let value: Double = lgamma(x)
    return value
}
