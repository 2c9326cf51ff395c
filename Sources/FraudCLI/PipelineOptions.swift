import ArgumentParser
import FraudPipeline

/// Micro-batch sizes of the pipeline's workers (shared by `replay`, `run scorer|writer` and `demo`).
struct PipelineOptions: ParsableArguments {
    @Option(name: .long, help: "Scorer: largest micro-batch, in records.")
    var batchSize = 1_000

    @Option(name: .long, help: "Writer: largest micro-batch, in records.")
    var writerBatchSize = 2_000

    @Option(name: .long, help: "Longest wait for a micro-batch to fill, in milliseconds.")
    var maxWaitMs = 50

    func validate() throws {
        guard batchSize >= 1 else { throw ValidationError("--batch-size \(batchSize): expected at least 1") }
        guard writerBatchSize >= 1 else { throw ValidationError("--writer-batch-size \(writerBatchSize): expected at least 1") }
        guard maxWaitMs >= 1 else { throw ValidationError("--max-wait-ms \(maxWaitMs): expected at least 1") }
    }

    var scorer: ScorerWorker.Configuration {
        ScorerWorker.Configuration(batch: MicroBatchLoop.Configuration(maxRecords: batchSize, maxWait: .milliseconds(maxWaitMs)))
    }

    var writer: WriterWorker.Configuration {
        WriterWorker.Configuration(batch: MicroBatchLoop.Configuration(maxRecords: writerBatchSize, maxWait: .milliseconds(maxWaitMs)))
    }
}
