import FraudRuntime
/// The poller as a source of a `WorkerGroup` or an `EmbeddedPipeline` run (`fraud poll` on the embedded bus).
extension PollerSource: PipelineWorker {
    public var name: String { "poller" }
}
