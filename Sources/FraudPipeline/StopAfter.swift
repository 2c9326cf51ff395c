import FraudRuntime
/// Requests a stop after a duration (`fraud demo --duration`): the other workers then finish their batch in flight.
public struct StopAfter: PipelineWorker {
    public let name = "timer"
    /// How long the pipeline runs.
    public let duration: Duration

    public init(_ duration: Duration) {
        self.duration = duration
    }

    public func run(stop: StopSignal) async throws {
        await stop.sleep(for: duration)
        stop.request()
    }
}
