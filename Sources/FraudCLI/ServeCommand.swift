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
            With FRAUD_API_TOKEN set (at least 16 characters), write and admin routes (POST /v1/payments, /v1/labels, \
            /v1/models/...) require 'Authorization: Bearer $FRAUD_API_TOKEN', and payment reads and scoring \
            (/v1/transactions, /v1/alerts, /v1/score) that or the read-only FRAUD_API_READ_TOKEN. Without a token every \
            route is open and --host must be a loopback address. Card numbers are masked unless ?full_card=true with \
            FRAUD_API_TOKEN. Only requests whose Host is an IP address, localhost, --host or an --allowed-host are \
            answered; cross-origin writes and non-JSON bodies are refused. Scoring reads each card's history from the scorers' feature state \
            (--feature-state), never writing it; a SQLite file that does not exist yet is created empty first. On the \
            embedded bus the scorer and writer run in this process (the registry's champion or --model) and the API \
            reads the feature state they write; a stop first stores what was posted (at most --drain-timeout). With no \
            champion and no --model the server starts without them (a warning says what to run) and /v1/score answers 503.
            """)

    @Option(name: .long, help: "Address to bind (needs FRAUD_API_TOKEN for anything but a loopback address).")
    var host: String = "127.0.0.1"

    @Option(name: .customLong("allowed-host"),
            help: "A host name clients use to reach the server (repeatable; also FRAUD_API_ALLOWED_HOSTS, comma-separated; * for any).")
    var allowedHosts: [String] = []

    @Option(name: .long, help: "Port to listen on (0 picks a free one).")
    var port: Int = 8080

    @Option(name: .long, help: "Largest request body accepted, in bytes.")
    var maxBodyBytes: Int = 8 << 20

    @Option(name: .long, help: "Seconds a client has to send a request's head before the connection is closed.")
    var headerTimeout: Double = 10

    @Option(name: .long, help: "Seconds a client has to send a request's body once its head arrived.")
    var bodyTimeout: Double = 30

    @Option(name: .long, help: "Seconds a connection may stay open with no request.")
    var idleTimeout: Double = 60

    @Option(name: .long, help: "Most connections open at once; further ones wait until one closes.")
    var maxConnections: Int = 1_000

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var bus: BusOptions
    @OptionGroup var registry: RegistryOptions
    @OptionGroup var pipeline: PipelineOptions
    @OptionGroup var model: ModelOptions

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be in 0...65535, got \(port)") }
        guard maxBodyBytes >= 1024 else { throw ValidationError("--max-body-bytes must be at least 1024, got \(maxBodyBytes)") }
        do {
            try apiConfiguration.validate()
        } catch let error as ConfigurationError {
            throw ValidationError(error.description)
        }
    }

    /// The server's settings: the options, and the tokens and allowed hosts of the environment (an empty variable
    /// counts as unset).
    private var apiConfiguration: APIServer.Configuration {
        let environment = ProcessInfo.processInfo.environment
        func variable(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        let listed = variable("FRAUD_API_ALLOWED_HOSTS")?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } ?? []
        return APIServer.Configuration(
            host: host, port: port, token: variable("FRAUD_API_TOKEN"), readToken: variable("FRAUD_API_READ_TOKEN"),
            allowedHosts: allowedHosts + listed, maxBodyBytes: maxBodyBytes, headerTimeout: .seconds(headerTimeout),
            bodyTimeout: .seconds(bodyTimeout), idleTimeout: .seconds(idleTimeout), maxConnections: maxConnections)
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
        let server = try APIServer(
            store: store, registry: try registry.registry(store), bus: bus, featureState: featureState, configuration: apiConfiguration,
            logger: Logger(label: "fraud.api") { StreamLogHandler.standardError(label: $0) })
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
