import Foundation
import FraudTesting
import Testing

/// `fraud serve` refuses to start, before opening anything, when it would listen beyond loopback without a token or
/// was given a token it cannot trust (issue 14, item 3); the message says what to set.
@Suite("fraud serve, refused settings")
struct ServeSecurityTests {
    /// Runs `fraud serve` with `arguments` and `environment`; nil when it was still serving after 60 s (then stopped).
    static func refusal(_ arguments: [String], environment: [String: String]) async throws -> CommandRun? {
        let directory = TemporaryDirectory.make("serve-refused")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let command = try RunningCommand(
            CommandRun.fraud,
            ["serve", "--port", "0", "--database", "sqlite:\(directory)/fraud.db", "--bus", "embedded:\(directory)/bus",
             "--registry-dir", "\(directory)/registry"] + arguments,
            environment: ["FRAUD_API_TOKEN": "", "FRAUD_API_READ_TOKEN": "", "FRAUD_API_ALLOWED_HOSTS": ""].merging(environment) { $1 },
            directory: directory)
        let start = ContinuousClock.now
        while command.isRunning, ContinuousClock.now - start < .seconds(60) { try await Task.sleep(for: .milliseconds(50)) }
        let started = command.isRunning
        if started { command.signal(SIGTERM) }
        let run = command.wait()
        return started ? nil : run
    }

    @Test(arguments: [
        (["--host", "0.0.0.0"], [:], "--host: needs FRAUD_API_TOKEN"),
        (["--host", "0.0.0.0"], ["FRAUD_API_TOKEN": "    "], "FRAUD_API_TOKEN: blank"),
        (["--host", "0.0.0.0"], ["FRAUD_API_TOKEN": "\tsecret secret secret "], "FRAUD_API_TOKEN: contains whitespace"),
        ([], ["FRAUD_API_TOKEN": "too-short"], "FRAUD_API_TOKEN: too short: use at least 16 characters, e.g. $(openssl rand -hex 16) (got \"(9 characters)\")"),
        ([], ["FRAUD_API_TOKEN": "a-long-enough-token-1", "FRAUD_API_READ_TOKEN": "short"], "FRAUD_API_READ_TOKEN: too short"),
        ([], ["FRAUD_API_READ_TOKEN": "a-long-enough-token-2"], "FRAUD_API_READ_TOKEN: is set without FRAUD_API_TOKEN"),
        (["--allowed-host", "http://fraud.internal:8080"], [:], "(got \"http://fraud.internal:8080\")"),
        ([], ["FRAUD_API_ALLOWED_HOSTS": "fraud.internal, bad host"], "(got \"bad host\")"),
    ] as [([String], [String: String], String)])
    func refusesToStart(arguments: [String], environment: [String: String], message: String) async throws {
        let run = try #require(try await Self.refusal(arguments, environment: environment), "fraud serve started with \(arguments) \(environment)")
        #expect(run.status != 0)
        #expect(run.errors.contains(message), "\(run.errors)")
    }
}
