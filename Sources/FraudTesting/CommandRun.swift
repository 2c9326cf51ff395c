import Foundation

/// Runs a program to completion and keeps its exit status and output.
public struct CommandRun: Sendable {
    /// Exit status.
    public var status: Int32
    /// Standard output.
    public var output: String
    /// Standard error.
    public var errors: String

    /// Runs `executable` (a path, or a name looked up on `PATH`) with `arguments`; `environment` is added to ours.
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                    directory: String? = nil) throws -> CommandRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable.contains("/") ? executable : "/usr/bin/env")
        process.arguments = executable.contains("/") ? arguments : [executable] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        // Files, not pipes: a chatty program cannot block on a full pipe while we wait for it.
        let outputFile = NSTemporaryDirectory() + "fraud-command-\(UUID().uuidString)"
        _ = FileManager.default.createFile(atPath: outputFile + ".out", contents: nil)
        _ = FileManager.default.createFile(atPath: outputFile + ".err", contents: nil)
        defer {
            try? FileManager.default.removeItem(atPath: outputFile + ".out")
            try? FileManager.default.removeItem(atPath: outputFile + ".err")
        }
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outputFile + ".out"))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: outputFile + ".err"))
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return CommandRun(status: process.terminationStatus,
                          output: (try? String(contentsOfFile: outputFile + ".out", encoding: .utf8)) ?? "",
                          errors: (try? String(contentsOfFile: outputFile + ".err", encoding: .utf8)) ?? "")
    }

    /// The `fraud` executable, built next to the test binary (this target depends on FraudCLI).
    /// (The test target must depend on FraudCLI.)
    public static var fraud: String { HelperExecutable.path("fraud") }

    /// Standard output parsed as one JSON object.
    public var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(output.utf8))) as? [String: Any] ?? [:]
    }
}
