import Foundation
import FraudMLflow
import FraudTesting

/// One `mlflow server` (SQLite backend, artifacts in a temporary directory) on 127.0.0.1, shared by the tests of this
/// target and started by the first that needs it. `Tests/Python/mlflow/server.py` waits until the server answers
/// `/health` before writing its port, and stops it when our end of its standard input closes (when this process ends).
final class MLflowServer: @unchecked Sendable {
    let url: String
    let directory: String
    private let process: Process
    private let input: Pipe

    private init(url: String, directory: String, process: Process, input: Pipe) {
        self.url = url
        self.directory = directory
        self.process = process
        self.input = input
    }

    /// Why the tests cannot run here, or nil: only a missing `mlflow` Python package skips them.
    static let unavailableReason: String? = {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import mlflow"]
        probe.standardOutput = FileHandle.nullDevice
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return "python3 is not installed" }
        probe.waitUntilExit()
        guard probe.terminationStatus == 0 else {
            let reason = "the Python package mlflow is not installed (pip install mlflow, or scripts/install-deps.sh --test)"
            print("FraudMLflowTests skipped: \(reason)")
            return reason
        }
        return nil
    }()

    /// The shared server, started on first use.
    static func shared() async throws -> MLflowServer { try await Starter.shared.server() }

    private actor Starter {
        static let shared = Starter()
        private var started: Task<MLflowServer, any Error>?

        func server() async throws -> MLflowServer {
            if let started { return try await started.value }
            let task = Task { try await MLflowServer.start() }
            started = task
            return try await task.value
        }
    }

    private static func start() async throws -> MLflowServer {
        let directory = TemporaryDirectory.make("mlflow")
        let process = Process(), input = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", PythonReference.packageRoot.appendingPathComponent("Tests/Python/mlflow/server.py").path,
                             "--dir", directory]
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let portFile = directory + "/port"
        // The server's first start creates its SQLite schema: a minute on a busy 2-core machine.
        while process.isRunning {
            if let text = try? String(contentsOfFile: portFile, encoding: .utf8), let port = Int(text) {
                return MLflowServer(url: "http://127.0.0.1:\(port)", directory: directory, process: process, input: input)
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        let log = (try? String(contentsOfFile: directory + "/server.log", encoding: .utf8)) ?? ""
        throw MLflowServerError(description: "mlflow server did not start (exit \(process.terminationStatus)): \(log.suffix(2000))")
    }

    /// A mirror on this server writing to its own experiment and registered model, so tests do not see each other.
    func mirror(_ name: String) throws -> MLflowMirror {
        let suffix = UUID().uuidString.prefix(8)
        return MLflowMirror(client: try MLflowClient(configuration: .init(url: url)),
                            configuration: .init(experiment: "\(name)-\(suffix)", registeredModel: "\(name)-\(suffix)"))
    }
}

struct MLflowServerError: Error, CustomStringConvertible {
    var description: String
}
