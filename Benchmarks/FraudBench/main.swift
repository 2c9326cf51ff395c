import Foundation

/// `fraud-bench [NAME ...]`: runs the benchmarks (all, or those named) and prints one table.
struct BenchRunner {
    static var all: [any Benchmark.Type] { [
        CSVReadBench.self,
        BusBench.self,
        DriftBench.self,
        SimulatorBench.self,
        ModelBench.self,
        StoreBench.self,
        StoreDurabilityBench.self,
        PipelineBench.self,
        FeatureStateBench.self,
        APIBench.self,
    ] }

    static func main() async throws {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let environment = ProcessInfo.processInfo.environment
        let context = BenchContext(
            dataPath: environment["FRAUD_BENCH_DATA"] ?? "../shared/data/fraudTest-standin.csv.gz",
            workDirectory: environment["FRAUD_BENCH_DIR"] ?? "bench-out")
        try FileManager.default.createDirectory(atPath: context.workDirectory, withIntermediateDirectories: true)
        var results: [BenchResult] = []
        var failures: [String] = []
        for benchmark in all where arguments.isEmpty || arguments.contains(benchmark.name) {
            FileHandle.standardError.write(Data("running \(benchmark.name)...\n".utf8))
            do {
                results += try await benchmark.run(context)
            } catch {
                // One benchmark's missing reference (no PostgreSQL, no Python package) must not hide the others.
                FileHandle.standardError.write(Data("\(benchmark.name) failed: \(error)\n".utf8))
                failures.append(benchmark.name)
            }
        }
        print(BenchTable(results: results).rendered)
        if !failures.isEmpty {
            print("\nfailed: \(failures.joined(separator: ", ")) (see standard error)")
            exit(1)
        }
    }
}

try await BenchRunner.main()
