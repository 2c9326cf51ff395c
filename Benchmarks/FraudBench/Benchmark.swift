/// A group of measurements run by `make bench`.
protocol Benchmark {
    /// Short name used on the command line to pick benchmarks (`fraud-bench csv`).
    static var name: String { get }
    /// Runs the measurements; `context` says where the data is and how to call the references.
    static func run(_ context: BenchContext) async throws -> [BenchResult]
}
