import Foundation
import FraudCore
import FraudPipeline
import FraudRuntime

/// `fraud demo`'s live line, once per interval: payments/s, totals, frauds, alerts, p99 latency (ingestion to
/// stored, HdrHistogram over the interval).
struct DemoSummary: PipelineWorker {
    let name = "summary"
    let statistics: PipelineStatistics
    let store: any Store
    let interval: Duration

    func run(stop: StopSignal) async throws {
        let started = ContinuousClock.now
        var previous = statistics.snapshot.scored
        var last = ContinuousClock.now
        while !stop.isRequested, !Task.isCancelled {
            await stop.sleep(for: interval)
            let now = ContinuousClock.now
            let figures = statistics.takeInterval()
            let alerts = (try? await store.counts().alerts) ?? 0
            let seconds = (now - last).inSeconds
            let rate = seconds > 0 ? Double(figures.scored - previous) / seconds : 0
            previous = figures.scored
            last = now
            // Written unbuffered, so the line shows at once also when stdout is a pipe.
            FileHandle.standardOutput.write(Data((Self.line(elapsed: (now - started).inSeconds, rate: rate, figures: figures, alerts: alerts) + "\n").utf8))
        }
    }

    static func line(elapsed: Double, rate: Double, figures: PipelineStatistics.Snapshot, alerts: Int) -> String {
        let p99 = figures.endToEndLatency.totalCount > 0 ? "\(Fixed(Double(figures.endToEndLatency.valueAtPercentile(99)) / 1000, digits: 1)) ms" : "-"
        return "[\(Fixed(elapsed, digits: 0)) s] \(Fixed(rate, digits: 0)) payments/s | scored \(figures.scored) | frauds \(figures.frauds)"
            + " | alerts \(alerts) | stored \(figures.stored) | p99 latency \(p99)"
    }
}
