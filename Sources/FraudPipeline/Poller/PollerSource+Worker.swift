import FraudRuntime
/// The poller as a source of a `WorkerGroup` or an `EmbeddedPipeline` run (`fraud poll` on the embedded bus).
extension PollerSource: PipelineWorker {
    package var name: String { "poller" }
}
