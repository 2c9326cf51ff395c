import Foundation
import FraudCore

/// Where benchmarks find their inputs and how they run the reference tools.
struct BenchContext: Sendable {
    /// The full-size stand-in of fraudTest.csv (`../shared/data/fraudTest-standin.csv.gz`, or `FRAUD_BENCH_DATA`).
    var dataPath: String
    /// Scratch directory for generated files.
    var workDirectory: String

    /// Runs a Python reference script from `Benchmarks/reference` and returns its stdout, trimmed.
    /// The scripts print one number (or one JSON object) on their last line.
    func python(_ script: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "Benchmarks/reference/\(script)"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchError(message: "reference script \(script) exited with \(process.terminationStatus)")
        }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        return lines.last.map(String.init) ?? ""
    }

    /// Seconds taken by `body`.
    static func time(_ body: () throws -> Void) rethrows -> Double {
        let start = ContinuousClock.now
        try body()
        return (ContinuousClock.now - start).inSeconds
    }
}

struct BenchError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
