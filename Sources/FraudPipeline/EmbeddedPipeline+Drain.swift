import FraudCore
import FraudRuntime
import Synchronization

extension EmbeddedPipeline {
    /// How a run of a source through the pipeline ended.
    package struct Outcome: Sendable {
        /// The source returned on its own (end of its file or count), not on a stop request.
        package var sourceFinished: Bool
        /// Everything the source sent was scored and stored before the drain timeout.
        package var drained: Bool
        /// Time from the source's return to the end of the drain.
        package var drainTime: Duration

        /// Every record the source was meant to send is stored.
        package var complete: Bool { sourceFinished && drained }
    }

    /// Runs `source` with the scorer and writer (and `extra` workers) until the source returns, at its end or on a
    /// stop request; then drains: the scorer and writer go on until everything the source sent is stored, and
    /// everything stops. After a stop request the drain takes at most `drainTimeout` (`nil`: as long as it takes);
    /// after a source that ended by itself (a replayed file) it takes as long as it takes. The `extra` workers stop on
    /// `stop`, or once the drain is over.
    package func run(source: any PipelineWorker, extra: [any PipelineWorker] = [], stop: StopSignal,
                    drainTimeout: Duration? = .seconds(30)) async throws -> Outcome {
        let pipelineStop = StopSignal()
        let front = SourceThenDrain(source: source, pipeline: self, pipelineStop: pipelineStop, timeout: drainTimeout)
        var group = WorkerGroup(workers().workers.map { OwnStop(worker: $0, stop: pipelineStop) })
        group.append(front)
        for worker in extra { group.append(worker) }
        try await group.run(stop: stop)
        return front.outcome.withLock { $0 }
    }

    /// `run(source:extra:stop:drainTimeout:)` with no drain timeout, even after a stop request (a busy machine only
    /// makes it slower), telling whether every record was stored.
    @discardableResult
    package func runUntilStored(source: any PipelineWorker, extra: [any PipelineWorker] = [], stop: StopSignal) async throws -> Bool {
        try await run(source: source, extra: extra, stop: stop, drainTimeout: nil).complete
    }
}

/// Runs a source, drains what it sent, then stops the pipeline and the other workers.
private final class SourceThenDrain: PipelineWorker {
    let source: any PipelineWorker
    let pipeline: EmbeddedPipeline
    let pipelineStop: StopSignal
    let timeout: Duration?
    let outcome = Mutex(EmbeddedPipeline.Outcome(sourceFinished: false, drained: false, drainTime: .zero))

    init(source: any PipelineWorker, pipeline: EmbeddedPipeline, pipelineStop: StopSignal, timeout: Duration?) {
        self.source = source
        self.pipeline = pipeline
        self.pipelineStop = pipelineStop
        self.timeout = timeout
    }

    var name: String { source.name }

    func run(stop: StopSignal) async throws {
        defer { pipelineStop.request() }
        try await source.run(stop: stop)
        let finished = !stop.isRequested
        let started = ContinuousClock.now
        let drained = try await pipeline.waitUntilStored(stop: pipelineStop, deadline: finished ? nil : timeout.map { started + $0 })
        outcome.withLock { $0 = .init(sourceFinished: finished, drained: drained, drainTime: ContinuousClock.now - started) }
        stop.request()
    }
}

/// A worker stopped by its own signal rather than the group's: the scorer and writer go on after the sources stop.
private struct OwnStop: PipelineWorker {
    let worker: any PipelineWorker
    let stop: StopSignal

    var name: String { worker.name }

    func run(stop _: StopSignal) async throws {
        do {
            try await worker.run(stop: stop)
        } catch {
            stop.request()
            throw error
        }
    }
}
