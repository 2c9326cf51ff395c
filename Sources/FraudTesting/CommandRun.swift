import Foundation

/// Runs a program to completion and keeps its exit status and output.
package struct CommandRun: Sendable {
    /// Exit status.
    package var status: Int32
    /// Standard output.
    package var output: String
    /// Standard error.
    package var errors: String

    /// Runs `executable` (a path, or a name looked up on `PATH`) with `arguments`; `environment` is added to ours.
    package static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                    directory: String? = nil) throws -> CommandRun {
        try RunningCommand(executable, arguments, environment: environment, directory: directory).wait()
    }

    /// The `fraud` executable, built next to the test binary (this target depends on FraudCLI).
    /// (The test target must depend on FraudCLI.)
    package static var fraud: String { HelperExecutable.path("fraud") }

    /// Standard output parsed as one JSON object.
    package var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(output.utf8))) as? [String: Any] ?? [:]
    }
}
