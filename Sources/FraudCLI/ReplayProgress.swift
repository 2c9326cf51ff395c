import FraudModel
import FraudPipeline
import FraudRuntime

/// `fraud replay`'s progress on standard error: at the start, then every `interval`, the share of the file's payments
/// stored with the time left at that pace (the file's row count estimated from the share of its bytes read), and how
/// many payments were sent and stored.
struct ReplayProgress: PipelineWorker {
    let name = "replay-progress"
    let source: SourceProgress
    let statistics: PipelineStatistics
    let interval: Duration

    func run(stop: StopSignal) async throws {
        let estimate = ProgressEstimate()
        while !stop.isRequested {
            ModelProgress.line(Self.line(fraction: source.fractionDone, sent: source.sent, stored: statistics.snapshot.stored, estimate: estimate))
            await stop.sleep(for: interval)
        }
    }

    /// "replay: 42 %, about 12 s left; 98000 of about 233000 stored, 120000 sent (file 51 % read)".
    static func line(fraction: Double?, sent: Int, stored: Int, estimate: ProgressEstimate) -> String {
        guard let fraction, fraction > 0, sent > 0 else { return "replay: \(sent) sent, \(stored) stored" }
        let total = max(stored, Int((Double(sent) / fraction).rounded()))
        return "replay: \(estimate.text(done: stored, total: total)); \(stored) of about \(total) stored, \(sent) sent"
            + " (file \(Int(fraction * 100)) % read)"
    }
}
