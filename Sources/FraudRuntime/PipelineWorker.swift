/// One long-running part of the pipeline (a source, the scorer, the writer, a reporter...): runs until its
/// `StopSignal` is raised or its work is done, finishing and committing the batch in flight.
///
/// `WorkerGroup` starts any set of them in one task group, so one process can run the whole pipeline.
package protocol PipelineWorker: Sendable {
    /// A short name for logs and errors (`scorer`, `writer`, `replay`...).
    var name: String { get }
    /// Runs until `stop` is requested, the task is cancelled, or the work is done.
    func run(stop: StopSignal) async throws
}
