import ArgumentParser
import Foundation
import FraudAPI
import FraudBus
import FraudCore
import FraudModel
import FraudPipeline
import FraudRuntime

/// `fraud demo`: the whole system in one process on the embedded defaults. Trains a first champion when there
/// is none, then streams simulated payments through source → scorer → writer, printing a summary every second.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the whole pipeline in one process on simulated payments (trains a first model if there is none).")

    @Option(name: .long, help: "Stop after this many seconds (default: until Ctrl-C).")
    var duration: Double?

    @Option(name: .long, help: "Simulated payments per second.")
    var rate: Double = 1_000

    @Option(name: .long, help: "Simulated payments to train the first model on, when there is no champion.")
    var trainingRows = 100_000

    @Option(name: .long, help: "Seed of the simulated training set.")
    var seed: UInt64 = 7

    @Option(name: .long, help: "steady: the live pipeline on simulated payments; drift: drift, delayed labels, retraining and promotion, told step by step.")
    var scenario: DemoScenario = .steady

    @Option(name: .long, help: "Port of the HTTP API and dashboard (0 picks a free one).")
    var port = 8080

    @Flag(name: .long, help: "Do not serve the HTTP API and dashboard.")
    var noServer = false

    @Option(name: .long, help: "Directory of the drift scenario's own store, bus and registry (emptied first).")
    var scenarioDirectory = "fraud-demo-drift"

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var bus: BusOptions
    @OptionGroup var registry: RegistryOptions
    @OptionGroup var pipeline: PipelineOptions

    func validate() throws {
        if let duration, !(duration > 0 && duration.isFinite) { throw ValidationError("--duration \(duration): expected a positive number of seconds") }
        guard rate > 0, rate.isFinite else { throw ValidationError("--rate \(rate): expected a positive number of payments per second") }
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be in 0...65535, got \(port)") }
        guard trainingRows >= 1_000 else { throw ValidationError("--training-rows \(trainingRows): expected at least 1000") }
    }

    func run() async throws {
        // Before any worker exists, so that every metric it records reaches /metrics.
        APIMetrics.bootstrap()
        let stop = StopSignal()
        stop.install()
        if scenario == .drift { return try await runDriftStory(stop: stop) }
        let opened = try bus.open()
        try await withDatabase(database) { store in
            try await pipeline.withFeatureState(bus: opened, database: database) { featureState in
                let models = try registry.registry(store)
                let (_, simulator) = try await DemoModel.ensureChampion(registry: models, trainingRows: trainingRows, seed: seed)
                let statistics = PipelineStatistics()
                let progress = SourceProgress()
                let source = try SimulatorSource(bus: opened, simulator: simulator, rate: rate, progress: progress)
                var extra: [any PipelineWorker] = [try DemoWorkers.alerter(bus: opened, store: store), try DemoWorkers.monitor(bus: opened, store: store)]
                if !noServer {
                    extra.append(try DemoWorkers.server(store: store, registry: models, bus: opened, featureState: featureState, port: port))
                }
                extra.append(DemoSummary(statistics: statistics, store: store, interval: .seconds(1)))
                // --duration counts from the start of streaming: training the first model is not part of it.
                if let duration { extra.append(StopAfter(.milliseconds(Int64(duration * 1000)))) }
                ModelProgress.line("streaming \(Fixed(rate, digits: 0)) simulated payments/s through scorer and writer (Ctrl-C to stop)")
                let started = MonotonicClock.now
                let outcome = try await Self.stream(source, extra: extra, bus: opened, store: store, featureState: featureState,
                                                    models: .champion(models.store, checkEvery: .seconds(1)), options: pipeline, statistics: statistics, stop: stop)
                let figures = statistics.snapshot
                print("sent \(progress.sent), scored \(figures.scored), predicted fraud \(figures.frauds), stored \(figures.stored) new rows; "
                      + Self.timing(total: MonotonicClock.now - started, outcome: outcome, drainTimeout: pipeline.drainTimeout))
            }
        }
    }

    /// How long it streamed (from the start of streaming to the stop) and drained (until everything sent was stored).
    static func timing(total: Duration, outcome: EmbeddedPipeline.Outcome?, drainTimeout: Double) -> String {
        guard let outcome else { return "ran \(Fixed(total.inSeconds, digits: 1)) s" }
        let streamed = "streamed \(Fixed((total - outcome.drainTime).inSeconds, digits: 1)) s"
        return outcome.drained
            ? streamed + ", then stored the rest in \(Fixed(outcome.drainTime.inSeconds, digits: 1)) s"
            : streamed + ", then hit --drain-timeout \(Fixed(drainTimeout, digits: 0)) s with payments not yet stored (the next run on this bus stores them)"
    }

    /// The drift scenario, with the dashboard on its store unless `--no-server`.
    private func runDriftStory(stop: StopSignal) async throws {
        let story = try await DemoDriftStory.open(directory: scenarioDirectory)
        var workers = WorkerGroup([story])
        if !noServer {
            workers.append(try DemoWorkers.server(store: story.store, registry: try story.registry(), bus: story.bus, featureState: story.featureState,
                                                       port: port))
        }
        if let duration { workers.append(StopAfter(.milliseconds(Int64(duration * 1000)))) }
        try await withCleanup { try await workers.run(stop: stop) } cleanup: { try await story.close() }
    }

    /// Streams `source` through the scorer and writer with the `extra` workers until a stop. On the embedded bus it then
    /// drains (`EmbeddedPipeline.run`: everything sent is stored, at most --drain-timeout); on Kafka the plain workers
    /// just stop after their batch in flight (nil).
    static func stream(_ source: any PipelineWorker, extra: [any PipelineWorker], bus: any Bus, store: any Store,
                       featureState: any FeatureStateStore, models: ModelSource, options: PipelineOptions,
                       statistics: PipelineStatistics, stop: StopSignal) async throws -> EmbeddedPipeline.Outcome? {
        if let embedded = bus as? EmbeddedBus {
            return try await EmbeddedPipeline(bus: embedded, store: store, featureState: featureState, models: models, scorer: options.scorer,
                                              writer: options.writer, statistics: statistics)
                .run(source: source, extra: extra, stop: stop, drainTimeout: options.drain)
        }
        let workers: [any PipelineWorker] = [
            ScorerWorker(bus: bus, store: store, featureState: featureState, models: models, configuration: options.scorer, statistics: statistics),
            WriterWorker(bus: bus, store: store, configuration: options.writer, statistics: statistics), source,
        ]
        try await WorkerGroup(workers + extra).run(stop: stop)
        return nil
    }
}

/// What `fraud demo` shows.
enum DemoScenario: String, ExpressibleByArgument, CaseIterable {
    case steady, drift
}
