import Foundation
import FraudCore
import FraudStore

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

    /// Seconds one `psql -c command` takes against `url` (process start included, as a user runs it).
    static func psql(_ url: PostgresURL, _ command: String) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", url.host, "-p", String(url.port), "-U", url.user,
                             "-d", url.database ?? url.user, "-c", command]
        var environment = ProcessInfo.processInfo.environment
        if let password = url.password { environment["PGPASSWORD"] = password }
        process.environment = environment
        let seconds = try time {
            try process.run()
            process.waitUntilExit()
        }
        guard process.terminationStatus == 0 else { throw BenchError(message: "psql exited with \(process.terminationStatus): \(command)") }
        return seconds
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
