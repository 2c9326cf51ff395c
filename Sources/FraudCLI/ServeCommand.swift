import ArgumentParser
import Foundation
import FraudAPI
import FraudCore
import FraudPipeline
import FraudRuntime
import FraudStore
import Logging

/// `fraud serve`: the HTTP API, its docs and the dashboard; on the embedded bus also the scorer and writer
/// (`InProcessScoring`), so payments posted to `/v1/payments` are stored while it serves.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the HTTP API, /docs, /openapi.json, /metrics and the dashboard at /.",
        discussion: """
            Write and admin routes (POST /v1/payments, /v1/labels, /v1/models/...) require \
            'Authorization: Bearer $FRAUD_API_TOKEN'. Without FRAUD_API_TOKEN they are open and the server listens on \
            127.0.0.1 only, whatever --host says. Scoring reads each card's history from the scorers' feature state \
            (--feature-state), never writing it; a SQLite file that does not exist yet is created empty first. On the \
            embedded bus the scorer and writer run in this process (the registry's champion or --model) and the API \
            reads the feature state they write; a stop first stores what was posted (at most --drain-timeout). With no \
            champion and no --model the server starts without them (a warning says what to run) and /v1/score answers 503.
            """)

    @Option(name: .long, help: "Address to bind (needs FRAUD_API_TOKEN for anything but 127.0.0.1).")
    var host: String = "127.0.0.1"

    @Option(name: .long, help: "Port to listen on (0 picks a free one).")
    var port: Int = 8080

    @Option(name: .long, help: "Largest request body accepted, in bytes.")
    var maxBodyBytes: Int = 8 << 20

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var bus: BusOptions
    @OptionGroup var registry: RegistryOptions
    @OptionGroup var pipeline: PipelineOptions
    @OptionGroup var model: ModelOptions

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be in 0...65535, got \(port)") }
        guard maxBodyBytes >= 1024 else { throw ValidationError("--max-body-bytes must be at least 1024, got \(maxBodyBytes)") }
    }

    func run() async throws {
        let stop = StopSignal()
        stop.install()
        let bus = try self.bus.open()
        try await withDatabase(database) { store in
            try await InProcessScoring.with(bus: bus, store: store, database: database, options: pipeline, model: model) { scoring in
                // The in-process scorer's feature state when there is one, else the scorers' read only.
                if let scoring { return try await serve(store: store, bus: bus, featureState: scoring.featureState, scoring: scoring, stop: stop) }
                let featureState = try await Self.openForReading(pipeline.featureStateURL(bus: bus, database: database))
                try await withCleanup {
                    try await serve(store: store, bus: bus, featureState: featureState, scoring: nil, stop: stop)
                } cleanup: {
                    try await featureState.close()
                }
            }
        }
    }

    /// Serves until `stop`, with `scoring` beside the API when there is one.
    private func serve(store: any FraudDatabase, bus: any Bus, featureState: any FeatureStateStore, scoring: EmbeddedPipeline?,
                       stop: StopSignal) async throws {
        let token = ProcessInfo.processInfo.environment["FRAUD_API_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        let server = try APIServer(
            store: store, registry: try registry.registry(store), bus: bus, featureState: featureState,
            configuration: .init(host: host, port: port, token: token, maxBodyBytes: maxBodyBytes),
            logger: Logger(label: "fraud.api") { StreamLogHandler.standardError(label: $0) })
        if token == nil, host != "127.0.0.1" {
            printError("warning: --host \(host) ignored: FRAUD_API_TOKEN is not set, so the server binds 127.0.0.1 only")
        }
        try await InProcessScoring.run(ServerWorker(server: server), scoring: scoring, stop: stop, drainTimeout: pipeline.drain)
    }

    /// The feature state at `url`, opened to be read only (SQLite: read-only; PostgreSQL has no such mode). A SQLite
    /// file that does not exist yet is first created empty, so every card is scored as new until a scorer checkpoints.
    private static func openForReading(_ url: String) async throws -> any FeatureStateStore {
        if case .sqlite(let path)? = try? DatabaseURL(url), !FileManager.default.fileExists(atPath: path) {
            try await FeatureStateStoreFactory.open(url).close()
        }
        return try await FeatureStateStoreFactory.open(url, readOnly: true)
    }
}
