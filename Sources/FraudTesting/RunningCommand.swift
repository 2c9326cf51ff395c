import Foundation

/// A program started in the background, its output going to files (a chatty program cannot block on a full pipe);
/// `signal` it, then `wait` for its `CommandRun`.
package final class RunningCommand: @unchecked Sendable {
    private let process: Process
    private let outputFile: String

    /// Starts `executable` (a path, or a name looked up on `PATH`) with `arguments`; `environment` is added to ours.
    package init(_ executable: String, _ arguments: [String], environment: [String: String] = [:], directory: String? = nil) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable.contains("/") ? executable : "/usr/bin/env")
        process.arguments = executable.contains("/") ? arguments : [executable] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        outputFile = NSTemporaryDirectory() + "fraud-command-\(UUID().uuidString)"
        _ = FileManager.default.createFile(atPath: outputFile + ".out", contents: nil)
        _ = FileManager.default.createFile(atPath: outputFile + ".err", contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outputFile + ".out"))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: outputFile + ".err"))
        process.standardInput = FileHandle.nullDevice
        try process.run()
        self.process = process
    }

    /// Whether it is still running.
    package var isRunning: Bool { process.isRunning }

    /// What it wrote to standard output so far.
    package var outputSoFar: String { (try? String(contentsOfFile: outputFile + ".out", encoding: .utf8)) ?? "" }

    /// What it wrote to standard error so far.
    package var errorsSoFar: String { (try? String(contentsOfFile: outputFile + ".err", encoding: .utf8)) ?? "" }

    /// Sends it `number` (e.g. SIGTERM).
    package func signal(_ number: Int32) {
        kill(process.processIdentifier, number)
    }

    /// Waits until it exits; returns its status and output and removes the output files.
    package func wait() -> CommandRun {
        process.waitUntilExit()
        defer {
            try? FileManager.default.removeItem(atPath: outputFile + ".out")
            try? FileManager.default.removeItem(atPath: outputFile + ".err")
        }
        return CommandRun(status: process.terminationStatus,
                          output: (try? String(contentsOfFile: outputFile + ".out", encoding: .utf8)) ?? "",
                          errors: (try? String(contentsOfFile: outputFile + ".err", encoding: .utf8)) ?? "")
    }
}
