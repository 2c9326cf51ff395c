import Foundation

/// Runs a reference script under `Tests/Python/` with `python3`, JSON in on stdin, JSON out on stdout.
package enum PythonReference {
    /// The package root, found from this file's location.
    package static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Runs `Tests/Python/<script>` with `arguments`, writes `input` to its stdin and decodes its stdout as `Output`.
    package static func run<Output: Decodable>(_ script: String, arguments: [String] = [], input: some Encodable,
                                              as: Output.Type = Output.self) throws -> Output {
        try JSONDecoder().decode(Output.self, from: output(script, arguments: arguments, input: JSONEncoder().encode(input)))
    }

    /// Runs `Tests/Python/<script>` with `arguments`, writes `input` to its stdin and returns its stdout.
    package static func output(_ script: String, arguments: [String] = [], input: Data = Data()) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", packageRoot.appendingPathComponent("Tests/Python/\(script)").path] + arguments
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        // Write from another thread: a large input would otherwise fill the pipe while the script's output fills the other.
        let writer = Thread {
            stdin.fileHandleForWriting.write(input)
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw PythonReferenceError(script: script, status: process.terminationStatus)
        }
        return output
    }
}

/// A reference script failed.
package struct PythonReferenceError: Error, CustomStringConvertible {
    package var script: String
    package var status: Int32
    package var description: String { "python3 Tests/Python/\(script) exited with status \(status)" }
}
