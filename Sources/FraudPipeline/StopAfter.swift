import FraudRuntime
/// Requests a stop after a duration (`fraud demo --duration`): the other workers then finish their batch in flight.
package struct StopAfter: PipelineWorker {
    package let name = "timer"
    /// How long the pipeline runs.
    package let duration: Duration

    package init(_ duration: Duration) {
        self.duration = duration
    }

    package func run(stop: StopSignal) async throws {
        await stop.sleep(for: duration)
        stop.request()
    }
}
