import Foundation

/// A Python sink (HTTP or SMTP) from `Tests/Python/alerter/`, started on 127.0.0.1 for one test.
///
/// The script prints its port on the first stdout line and records what it receives as JSON files
/// in `directory`; `stop()` (or deinit) terminates it by its process id.
final class SinkProcess: @unchecked Sendable {
    let process = Process()
    let directory: URL
    let port: Int

    /// Starts `script` with `arguments` plus `--dir <fresh directory>` and waits for its port.
    init(script: String, arguments: [String] = []) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("alerter-sink-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", root.appendingPathComponent("Tests/Python/alerter/" + script).path]
            + arguments + ["--dir", directory.path]
        process.standardOutput = output
        try process.run()
        var line = Data()
        let handle = output.fileHandleForReading
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        guard let text = String(data: line, encoding: .utf8)?.split(separator: "\n").first, let port = Int(text) else {
            process.terminate()
            throw SinkError(message: "\(script) did not print a port (is aiosmtpd installed? pip install aiosmtpd)")
        }
        self.port = port
    }

    deinit { stop() }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }

    /// The JSON records the sink wrote with `prefix` (`request` or `message`), in arrival order.
    func records(_ prefix: String) throws -> [[String: Any]] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasPrefix(prefix + "-") && $0.hasSuffix(".json") }.sorted()
        return try names.map { name in
            let data = try Data(contentsOf: directory.appendingPathComponent(name))
            return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        }
    }

    /// Path of a file the sink wrote, e.g. `ca.pem`.
    func file(_ name: String) -> String { directory.appendingPathComponent(name).path }
}

struct SinkError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
