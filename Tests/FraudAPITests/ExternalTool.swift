import Foundation

/// A command-line tool the tests drive (schemathesis, python3 with selenium), run without blocking the
/// cooperative thread pool that the in-process server answers on.
struct ExternalTool {
    let executable: String

    /// The tool named `name` on `PATH`, or nil.
    static func find(_ name: String) -> ExternalTool? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return ExternalTool(executable: candidate) }
        }
        return nil
    }

    /// Whether `python3 -c "import <module>"` succeeds.
    static func pythonHas(_ module: String) async -> Bool {
        guard let python = find("python3") else { return false }
        return (try? await python.run(["-c", "import \(module)"]).status) == 0
    }

    /// Runs the tool to its end and returns its exit status and its standard output and error, interleaved.
    func run(_ arguments: [String], environment: [String: String] = [:]) async throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        let output: String = try await withCheckedThrowingContinuation { continuation in
            // A thread of its own reads the pipe to its end (the process may write more than a pipe holds).
            let reader = Thread {
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                continuation.resume(returning: String(decoding: data, as: UTF8.self))
            }
            do {
                try process.run()
                reader.start()
            } catch {
                continuation.resume(throwing: error)
            }
        }
        return (process.terminationStatus, output)
    }
}
