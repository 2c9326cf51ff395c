import Foundation
import FraudCore
import FraudPipeline
import FraudRuntime
import FraudStore
import Synchronization

/// `fraud demo`'s live line, once per interval: payments/s, totals, frauds, alerts, p99 latency (ingestion to
/// stored, HdrHistogram over the interval); during a database outage it starts with "database unavailable, retrying".
///
/// The line never waits for the database: the alert count is read beside it and the line shows the latest one read.
struct DemoSummary: PipelineWorker {
    let name = "summary"
    let statistics: PipelineStatistics
    let store: any Store
    let interval: Duration
    /// What the store's retries say about the database.
    var database = DatabaseStatus.shared

    func run(stop: StopSignal) async throws {
        let alerts = LatestAlertCount()
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                while !stop.isRequested, !Task.isCancelled {
                    if let counts = try? await store.counts() { alerts.value.withLock { $0 = counts.alerts } }
                    await stop.sleep(for: interval)
                }
            }
            await printLines(stop: stop) { alerts.value.withLock { $0 } }
            // A count waiting out an outage is not worth holding the demo's end for.
            group.cancelAll()
        }
    }

    private func printLines(stop: StopSignal, alerts: () -> Int) async {
        let started = ContinuousClock.now
        var previous = statistics.snapshot.scored
        var last = ContinuousClock.now
        while !stop.isRequested, !Task.isCancelled {
            await stop.sleep(for: interval)
            let now = ContinuousClock.now
            let figures = statistics.takeInterval()
            let seconds = (now - last).inSeconds
            let rate = seconds > 0 ? Double(figures.scored - previous) / seconds : 0
            previous = figures.scored
            last = now
            let line = Self.line(elapsed: (now - started).inSeconds, rate: rate, figures: figures, alerts: alerts(), outage: database.outageText)
            // Written unbuffered, so the line shows at once also when stdout is a pipe.
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }
    }

    static func line(elapsed: Double, rate: Double, figures: PipelineStatistics.Snapshot, alerts: Int, outage: String? = nil) -> String {
        let p99 = figures.endToEndLatency.totalCount > 0 ? "\(Fixed(Double(figures.endToEndLatency.valueAtPercentile(99)) / 1000, digits: 1)) ms" : "-"
        return "[\(Fixed(elapsed, digits: 0)) s] " + (outage.map { "\($0) | " } ?? "")
            + "\(Fixed(rate, digits: 0)) payments/s | scored \(figures.scored) | frauds \(figures.frauds)"
            + " | alerts \(alerts) | stored \(figures.stored) | p99 latency \(p99)"
    }
}

/// The alert count read last, shared by the reading task and the line.
private final class LatestAlertCount: Sendable {
    let value = Mutex(0)
}
