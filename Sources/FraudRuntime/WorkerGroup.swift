/// Runs a set of workers concurrently in one task group, sharing one `StopSignal`.
///
/// A worker that returns normally (a source at the end of its file) leaves the others running; a worker
/// that throws requests a stop of all the others (each finishes its batch in flight) and the group
/// rethrows that first error, named after the worker.
package struct WorkerGroup: Sendable {
    /// The workers, started in this order.
    package var workers: [any PipelineWorker]

    /// A group of `workers`.
    package init(_ workers: [any PipelineWorker]) {
        self.workers = workers
    }

    /// Adds a worker (the coordinator's alerter, monitor or HTTP API, for instance).
    package mutating func append(_ worker: any PipelineWorker) {
        workers.append(worker)
    }

    /// Runs every worker until all have returned.
    /// - Throws: `WorkerError` wrapping the first failure.
    package func run(stop: StopSignal) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in workers {
                group.addTask {
                    do {
                        try await worker.run(stop: stop)
                    } catch {
                        stop.request()
                        throw WorkerError(worker: worker.name, underlying: error)
                    }
                }
            }
            var first: (any Error)?
            while let result = await group.nextResult() {
                if case .failure(let error) = result, first == nil { first = error }
            }
            if let first { throw first }
        }
    }
}

/// A worker of a `WorkerGroup` failed.
package struct WorkerError: Error, CustomStringConvertible {
    /// The worker's name.
    package var worker: String
    /// What it threw.
    package var underlying: any Error

    package var description: String { "\(worker): \(underlying)" }
}
