import Foundation

/// A Python sink (HTTP or SMTP) from `Tests/Python/alerter/`, started on 127.0.0.1 for one test
/// (the alerting tests and the pipeline's alerter tests use it).
///
/// The script writes its port to `<directory>/port` and records what it receives as JSON files in
/// `directory`. It exits when its standard input closes: on `stop()`, on deinit, or when the test
/// process dies, so no sink outlives the tests.
package final class SinkProcess: @unchecked Sendable {
    private let process = Process()
    private let input = Pipe()
    /// Where the sink writes its port and its records.
    package let directory: URL
    /// The port it listens on, on 127.0.0.1.
    package private(set) var port = 0

    private init(script: String, arguments: [String]) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("alerter-sink-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", root.appendingPathComponent("Tests/Python/alerter/" + script).path]
            + arguments + ["--dir", directory.path]
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        try process.run()
    }

    /// Starts `script` with `arguments` plus `--dir <fresh directory>` and waits (without blocking a thread)
    /// for its port.
    package static func start(_ script: String, _ arguments: [String] = []) async throws -> SinkProcess {
        let sink = try SinkProcess(script: script, arguments: arguments)
        let portFile = sink.directory.appendingPathComponent("port")
        for _ in 0..<1500 {
            if let text = try? String(contentsOf: portFile, encoding: .utf8), let port = Int(text) {
                sink.port = port
                return sink
            }
            guard sink.process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        sink.stop()
        throw SinkError(message: "\(script) did not start (is aiosmtpd installed? pip install aiosmtpd)")
    }

    deinit { stop() }

    /// Closes the sink's standard input, which makes it exit, and removes its directory.
    package func stop() {
        try? input.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
        try? FileManager.default.removeItem(at: directory)
    }

    /// The JSON records the sink wrote with `prefix` (`request` or `message`), in arrival order.
    package func records(_ prefix: String) throws -> [[String: Any]] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasPrefix(prefix + "-") && $0.hasSuffix(".json") }.sorted()
        return try names.map { name in
            let data = try Data(contentsOf: directory.appendingPathComponent(name))
            return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        }
    }

    /// Path of a file the sink wrote, e.g. `ca.pem`.
    package func file(_ name: String) -> String { directory.appendingPathComponent(name).path }
}

/// A sink that could not be started.
package struct SinkError: Error, CustomStringConvertible {
    /// What went wrong.
    package var message: String
    /// The message.
    package var description: String { message }
}
