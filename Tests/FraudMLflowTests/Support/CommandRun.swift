import Foundation

/// Runs a program to completion and keeps its exit status and output.
struct CommandRun {
    var status: Int32
    var output: String
    var errors: String

    /// Runs `executable` (a path, or a name looked up on `PATH`) with `arguments`; `environment` is added to ours.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
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
    static var fraud: String {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = binary.deletingLastPathComponent()
        while directory.path.contains(".xctest") { directory = directory.deletingLastPathComponent() }
        return directory.appendingPathComponent("fraud").path
    }

    /// Standard output parsed as one JSON object.
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(output.utf8))) as? [String: Any] ?? [:]
    }
}
