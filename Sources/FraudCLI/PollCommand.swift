import ArgumentParser
import FraudCore
import FraudPipeline
import FraudRuntime
import Logging

/// `fraud poll --url URL`: polls a "current transactions" API into `payments.raw` until SIGINT/SIGTERM; on the embedded
/// bus it also runs the scorer and writer (`InProcessScoring`), so polled payments are stored while it polls.
struct PollCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "poll",
        abstract: "Poll a \"current transactions\" API and produce its new payments into payments.raw.",
        discussion: """
            Runs until SIGINT/SIGTERM. Duplicates (same trans_num) are dropped; HTTP 429 waits the server's \
            Retry-After; network errors and 5xx back off exponentially with jitter; a malformed body is \
            quarantined in the database with the reason. On the embedded bus the scorer and writer run in this \
            process (the registry's champion or --model; without either, payments wait on payments.raw), and a stop \
            first stores what was polled (at most --drain-timeout). Try it offline with `fraud simulate serve`.
            """
    )

    @Option(help: "The API endpoint, e.g. http://127.0.0.1:8000/current-transactions.")
    var url: String

    @Option(help: "Seconds between calls (the public API allows about 5 calls a minute).")
    var interval: Double = 12

    @Option(help: "Seconds one call may take before it counts as failed.")
    var timeout: Double = 10

    @Option(name: .customLong("max-backoff"), help: "Longest wait after repeated failures, in seconds.")
    var maxBackoff: Double = 300

    @OptionGroup var bus: BusOptions
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var pipeline: PipelineOptions
    @OptionGroup var model: ModelOptions

    func validate() throws {
        guard interval >= 0, interval.isFinite else { throw ValidationError("--interval must be a number of seconds >= 0, got \(interval)") }
        guard timeout > 0, timeout.isFinite else { throw ValidationError("--timeout must be a positive number of seconds, got \(timeout)") }
        guard maxBackoff >= 1, maxBackoff.isFinite else { throw ValidationError("--max-backoff must be at least 1 second, got \(maxBackoff)") }
    }

    func run() async throws {
        let configuration: PollerSource.Configuration
        do {
            configuration = try PollerSource.Configuration(
                url: url, interval: Self.duration(interval), timeout: Self.duration(timeout),
                backoff: Self.backoff(maximum: Self.duration(maxBackoff)))
        } catch {
            let flag = switch error.parameter {
            case "backoff.maximum": "--max-backoff"
            default: "--" + error.parameter
            }
            throw ValidationError("\(flag): \(error.reason) (got \"\(error.value)\")")
        }
        let stop = StopSignal()
        stop.install()
        let bus = try bus.open()
        let logger = Logger(label: "fraud.poller") { StreamLogHandler.standardError(label: $0) }
        try await withDatabase(database) { store in
            let poller = PollerSource(configuration: configuration, bus: bus, store: store, logger: logger)
            try await InProcessScoring.with(bus: bus, store: store, database: database, options: pipeline, model: model) { scoring in
                try await InProcessScoring.run(poller, scoring: scoring, stop: stop, drainTimeout: pipeline.drain)
            }
        }
    }

    private static func duration(_ seconds: Double) -> Duration {
        .milliseconds(Int64((seconds * 1000).rounded()))
    }

    /// The poller's default backoff (`PollerSource.Configuration.defaultBackoff`) with `--max-backoff` as its maximum.
    private static func backoff(maximum: Duration) throws(ConfigurationError) -> Backoff {
        let standard = PollerSource.Configuration.defaultBackoff
        return try Backoff(initial: standard.initial, multiplier: standard.multiplier, maximum: maximum, jitter: standard.jitter)
    }
}
