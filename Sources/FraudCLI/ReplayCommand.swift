import ArgumentParser
import Foundation
import FraudBus
import FraudCore
import FraudPipeline
import FraudRuntime

/// `fraud replay --data F.csv`: sends a CSV file's payments into `payments.raw`; on the embedded bus it runs the
/// whole pipeline in this process (replay → scorer → writer) and exits once every row is stored.
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay a fraudTest-format CSV through the pipeline (embedded bus: score and store every row, then exit).")

    @Option(name: .long, help: "The CSV file (plain or .gz).")
    var data: String

    @Option(name: .long, help: "Payments per second (default: as fast as possible).")
    var rate: Double?

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var bus: BusOptions
    @OptionGroup var pipeline: PipelineOptions
    @OptionGroup var model: ModelOptions

    @Flag(name: .long, help: "Print one JSON object.")
    var json = false

    @Option(name: .long, help: "Seconds between progress lines on standard error (share of the file read, time left, sent, stored).")
    var progressSeconds = 2.0

    func validate() throws {
        if let rate, !(rate > 0 && rate.isFinite) { throw ValidationError("--rate \(rate): expected a positive number of payments per second") }
        guard progressSeconds > 0, progressSeconds.isFinite else { throw ValidationError("--progress-seconds \(progressSeconds): expected a positive number of seconds") }
    }

    func run() async throws {
        let report = try await withBusAndDatabase(bus, database) { opened, store, stop in
            let progress = SourceProgress()
            let source = try CSVReplaySource(path: data, bus: opened, store: store, rate: rate, progress: progress)
            let started = MonotonicClock.now
            guard let embedded = opened as? EmbeddedBus else {
                // Distributed mode: only the source runs here; `fraud run scorer|writer` do the rest.
                try await source.run(stop: stop)
                return ReplayReport(rows: progress.sent, quarantined: progress.quarantined, seconds: MonotonicClock.seconds(since: started),
                                    complete: !stop.isRequested, scope: "sent")
            }
            let (run, complete) = try await pipeline.withFeatureState(bus: opened, database: database) { featureState in
                let run = EmbeddedPipeline(bus: embedded, store: store, featureState: featureState,
                                           models: try model.source(store: store), scorer: pipeline.scorer, writer: pipeline.writer)
                let reporter = ReplayProgress(source: progress, statistics: run.statistics, interval: .milliseconds(Int64(progressSeconds * 1000)))
                return (run, try await run.run(source: source, extra: [reporter], stop: stop, drainTimeout: pipeline.drain).complete)
            }
            let figures = run.statistics.snapshot
            var report = ReplayReport(rows: progress.sent, quarantined: progress.quarantined, seconds: MonotonicClock.seconds(since: started),
                                      complete: complete, scope: "stored")
            report.frauds = figures.frauds
            report.newRows = figures.stored
            report.p99LatencyMs = Double(figures.endToEndLatency.valueAtPercentile(99)) / 1000
            return report
        }
        if json {
            printJSON(report)
        } else {
            print(report.text)
        }
        if !report.complete { throw ExitCode(130) }
    }
}

/// What `fraud replay` prints.
struct ReplayReport: Encodable {
    var rows: Int
    var quarantined: Int
    var seconds: Double
    /// False when interrupted before every row was stored.
    var complete: Bool
    /// `stored` (embedded: scored and stored) or `sent` (distributed: produced to payments.raw).
    var scope: String
    var frauds: Int?
    var newRows: Int?
    var p99LatencyMs: Double?

    var rowsPerSecond: Double { seconds > 0 ? Double(rows) / seconds : 0 }

    enum CodingKeys: CodingKey {
        case rows, quarantined, seconds, complete, scope, frauds, newRows, p99LatencyMs, rowsPerSecond
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rows, forKey: .rows)
        try container.encode(quarantined, forKey: .quarantined)
        try container.encode(seconds, forKey: .seconds)
        try container.encode(rowsPerSecond, forKey: .rowsPerSecond)
        try container.encode(complete, forKey: .complete)
        try container.encode(scope, forKey: .scope)
        try container.encodeIfPresent(frauds, forKey: .frauds)
        try container.encodeIfPresent(newRows, forKey: .newRows)
        try container.encodeIfPresent(p99LatencyMs, forKey: .p99LatencyMs)
    }

    var text: String {
        var line = "\(rows) rows \(scope) in \(Fixed(seconds, digits: 2)) s (\(Fixed(rowsPerSecond, digits: 0)) rows/s)"
        if let frauds { line += ", \(frauds) predicted fraud" }
        if let newRows, newRows != rows { line += ", \(newRows) new in the store" }
        if let p99LatencyMs { line += ", p99 latency \(Fixed(p99LatencyMs, digits: 1)) ms" }
        if quarantined > 0 { line += ", \(quarantined) quarantined" }
        if !complete { line += " (interrupted)" }
        return line
    }
}
