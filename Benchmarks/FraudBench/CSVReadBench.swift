import FraudData

/// Reading the full-size file with the project's reader versus `pandas.read_csv`.
enum CSVReadBench: Benchmark {
    static let name = "csv"

    static func run(_ context: BenchContext) async throws -> [BenchResult] {
        var rows = 0
        let ours = try BenchContext.time {
            let reader = try TransactionCSVReader(path: context.dataPath)
            while try reader.next() != nil { rows += 1 }
        }
        let pandasSeconds = Double(try context.python("read_csv.py", [context.dataPath])) ?? .nan
        return [BenchResult(
            name: "CSV read, \(rows / 1000)k rows (gzip)", value: Double(rows) / ours, unit: "rows/s",
            referenceName: "pandas.read_csv", referenceValue: Double(rows) / pandasSeconds, target: "> pandas")]
    }
}
