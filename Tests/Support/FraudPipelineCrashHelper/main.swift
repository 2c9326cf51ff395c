// Crash-test helper: runs the scorer and the writer of the embedded pipeline in one process, with small batches
// (many commits to interrupt), on an embedded bus and a SQLite store, until killed or stopped.
// Usage: FraudPipelineCrashHelper BUS_PATH DATABASE_URL MODEL_DIR run|finish [KILL_AFTER_SCORED]
//   run     until SIGINT/SIGTERM (the batch in flight is finished and committed, exit status 0) or SIGKILL;
//           with KILL_AFTER_SCORED, it sends itself SIGKILL once its scorer has scored that many payments (a kill -9
//           at a chosen point of the work, however busy the machine and the test process are);
//   finish  until every record on the bus is stored, then exit 0.
// Prints "STARTED" once the workers are about to run.
import Foundation
import FraudBus
import FraudCore
import FraudModel
import FraudPipeline
import FraudRuntime
import FraudStore

let arguments = CommandLine.arguments
guard (5...6).contains(arguments.count), ["run", "finish"].contains(arguments[4]) else {
    FileHandle.standardError.write(Data("usage: FraudPipelineCrashHelper BUS_PATH DATABASE_URL MODEL_DIR run|finish [KILL_AFTER_SCORED]\n".utf8))
    exit(2)
}
let killAfterScored = arguments.count == 6 ? Int(arguments[5]) : nil
let bus = try EmbeddedBus(path: arguments[1])
let store = try await StoreFactory.open(arguments[2])
let scorer = try FraudScorer(artifactDirectory: arguments[3], modelVersion: "crash-test")
let featureState = try await FeatureStateStoreFactory.open(FeatureStateLocation.embeddedURL(bus))
let pipeline = EmbeddedPipeline(
    bus: bus, store: store, featureState: featureState, models: .fixed(scorer),
    // Checkpoints every 20 ms, so that kills land between checkpoints as well as before the first.
    scorer: ScorerWorker.Configuration(batch: MicroBatchLoop.Configuration(maxRecords: 150, maxWait: .milliseconds(5)),
                                       checkpointInterval: .milliseconds(20)),
    writer: WriterWorker.Configuration(batch: MicroBatchLoop.Configuration(maxRecords: 200, maxWait: .milliseconds(5))),
    maxLead: 1_000)
let stop = StopSignal()
stop.install()
FileHandle.standardOutput.write(Data("STARTED\n".utf8))
if arguments[4] == "finish" {
    async let running: Void = pipeline.workers().run(stop: stop)
    _ = try await pipeline.waitUntilStored(stop: stop)
    stop.request()
    try await running
} else {
    var workers = pipeline.workers()
    if let killAfterScored { workers.append(SelfKill(statistics: pipeline.statistics, afterScored: killAfterScored)) }
    try await workers.run(stop: stop)
}
try await featureState.close()
try await store.close()
bus.close()

/// Sends this process SIGKILL once the scorer has scored `afterScored` payments.
struct SelfKill: PipelineWorker {
    let name = "self-kill"
    let statistics: PipelineStatistics
    let afterScored: Int

    func run(stop: StopSignal) async throws {
        while statistics.snapshot.scored < afterScored {
            try await Task.sleep(for: .microseconds(100))
        }
        kill(getpid(), SIGKILL)
    }
}
