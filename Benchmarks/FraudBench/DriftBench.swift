import FraudCore
import Foundation
import FraudDrift

/// A drift report over 12 columns of 50k reference vs 50k current rows (normalised Wasserstein
/// for the 9 numerical columns, Jensen–Shannon for the 3 categorical ones), against the same
/// Evidently stattests restated with SciPy/NumPy (`Benchmarks/reference/drift_report.py`).
enum DriftBench: Benchmark {
    static let name = "drift"
    static let rows = 50_000

    static func run(_ context: BenchContext) async throws -> [BenchResult] {
        let reference = table(seed: 1, shift: 0)
        let current = table(seed: 2, shift: 0.1)
        let path = context.workDirectory + "/drift-columns.csv"
        try write(reference, current, to: path)
        var best = Double.infinity
        var drifted = 0
        for _ in 0..<3 {
            let seconds = try BenchContext.time {
                drifted = try DriftReport(reference: reference, current: current).features.filter(\.drifted).count
            }
            best = min(best, seconds)
        }
        let python = try context.python("drift_report.py", [path])
        let fields = python.split(separator: " ")
        let pythonMilliseconds = Double(fields.first ?? "") ?? .nan
        let pythonDrifted = fields.count > 1 ? String(fields[1]) : "?"
        return [BenchResult(
            name: "drift report, 50k×12 vs 50k×12 (\(drifted) drifted; SciPy \(pythonDrifted))", value: best * 1000, unit: "ms",
            referenceName: "SciPy/NumPy, same tests", referenceValue: pythonMilliseconds, higherIsBetter: false, target: "≤ SciPy")]
    }

    static func table(seed: UInt64, shift: Double) -> DriftFeatureTable {
        var generator = SplitMix64(seed: seed)
        func normal(_ mean: Double, _ sd: Double) -> [Double] {
            (0..<rows).map { _ in
                let u = max(generator.nextUnit(), 1e-300)
                return mean + sd * (-2 * log(u)).squareRoot() * cos(2 * Double.pi * generator.nextUnit())
            }
        }
        func categories(_ names: [String], tilt: Double) -> [String] {
            (0..<rows).map { _ in
                let u = generator.nextUnit()
                let index = Int(pow(u, 1 + tilt) * Double(names.count))
                return names[min(index, names.count - 1)]
            }
        }
        var table = DriftFeatureTable()
        for column in 0..<9 {
            let values = normal(Double(column) * 10 + (column < 3 ? shift * 10 : 0), 5 + Double(column))
            table.add("x\(column)", .numbers(column == 8 ? values.map { $0.rounded() } : values, isInteger: column == 8))
        }
        let categoryNames = (0..<14).map { "category_\($0)" }
        table.add("category", .categories(categories(categoryNames, tilt: shift)))
        table.add("gender", .categories(categories(["F", "M"], tilt: 0)))
        table.add("state", .categories(categories((0..<50).map { "S\($0)" }, tilt: shift * 3)))
        return table
    }

    /// One CSV: sample,name,value rows, so the reference script tests exactly the same values.
    static func write(_ reference: DriftFeatureTable, _ current: DriftFeatureTable, to path: String) throws {
        var text = "sample,column,kind,value\n"
        for (sample, table) in [("reference", reference), ("current", current)] {
            for (name, values) in table.columns {
                switch values {
                case .numbers(let numbers, _):
                    for value in numbers { text += "\(sample),\(name),n,\(value)\n" }
                case .categories(let labels):
                    for label in labels { text += "\(sample),\(name),c,\(label)\n" }
                }
            }
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
