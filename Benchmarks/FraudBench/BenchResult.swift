/// One measured figure, next to the reference measured in the same run.
struct BenchResult: Sendable {
    /// What was measured, e.g. "CSV read, 557k rows (gzip)".
    var name: String
    /// The project's figure.
    var value: Double
    /// Its unit, e.g. "rows/s".
    var unit: String
    /// What it is compared with, e.g. "pandas.read_csv".
    var referenceName: String? = nil
    /// The reference's figure in the same unit, measured in the same run.
    var referenceValue: Double? = nil
    /// Whether a higher value is better (throughput) or lower (latency, time).
    var higherIsBetter = true
    /// The target from the issue, if any, e.g. "≥ pandas".
    var target: String? = nil

    /// How many times better than the reference (> 1 = better), if there is one.
    var ratio: Double? {
        guard let referenceValue, referenceValue > 0, value > 0 else { return nil }
        return higherIsBetter ? value / referenceValue : referenceValue / value
    }
}
