import FraudCore
import Foundation
import FraudDrift
import FraudTesting

/// Reference answers from the scripts in `Tests/Python/drift/` (JSON in on stdin, JSON out on stdout).
enum DriftReference {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `script` and returns its answers: each key maps to a list of number lists (null → NaN).
    static func numbers(_ script: String, input: Any) throws -> [String: [[Double]]] {
        let object = try run(script, input: input)
        return object.mapValues { value in
            ((value as? [Any]) ?? []).map { entry in ((entry as? [Any]) ?? []).map { ($0 as? Double) ?? .nan } }
        }
    }

    static func run(_ script: String, input: Any) throws -> [String: Any] {
        let output = try PythonReference.output("drift/" + script, input: JSONSerialization.data(withJSONObject: input))
        guard let object = try JSONSerialization.jsonObject(with: output) as? [String: Any] else {
            throw Failure(description: "\(script) printed no JSON object")
        }
        return object
    }
}

/// Relative-or-absolute closeness for parity checks.
func close(_ a: Double, _ b: Double, relative: Double = 1e-9, absolute: Double = 1e-12) -> Bool {
    if a == b { return true }
    return abs(a - b) <= max(absolute, relative * max(abs(a), abs(b)))
}

/// Deterministic samples for the tests.
struct SampleMaker {
    var generator: SplitMix64

    init(seed: UInt64) {
        generator = SplitMix64(seed: seed)
    }

    /// Normal(mean, sd) by Box–Muller.
    mutating func normal(_ count: Int, mean: Double = 0, sd: Double = 1) -> [Double] {
        (0..<count).map { _ in
            let u = max(generator.nextUnit(), 1e-300)
            let v = generator.nextUnit()
            return mean + sd * (-2 * Foundation.log(u)).squareRoot() * Foundation.cos(2 * Double.pi * v)
        }
    }

    /// Values rounded to `step`, to make ties.
    mutating func rounded(_ count: Int, mean: Double, sd: Double, step: Double) -> [Double] {
        normal(count, mean: mean, sd: sd).map { ($0 / step).rounded() * step }
    }

    /// Categories drawn with the given weights.
    mutating func categories(_ count: Int, _ names: [String], weights: [Double]) -> [String] {
        let total = weights.reduce(0, +)
        return (0..<count).map { _ in
            var u = generator.nextUnit() * total
            for (index, weight) in weights.enumerated() {
                if u < weight { return names[index] }
                u -= weight
            }
            return names[names.count - 1]
        }
    }
}
