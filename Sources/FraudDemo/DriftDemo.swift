import Foundation
import FraudBus
import FraudCore
import FraudModel
import FraudMonitoring
import FraudPipeline
import FraudRuntime
import FraudStore
import Logging

/// Runs a `DriftDemoScript` in one process on a given store and embedded bus, narrating each step.
///
/// Everything is the real thing: the `EmbeddedPipeline` scores and stores the stream (its scorer swaps to a new
/// champion through its `ChampionWatcher`), and the monitor, the labeller and the retrainer run beside it. The story
/// source sends a batch, waits until the pipeline has stored it and the monitor and the labeller have read it, then
/// lets the retrainer check its triggers, so that the same script always tells the same story. The clock of report
/// times, run stamps and cool-downs is the stream's event time.
package enum DriftDemo {
    /// Plays the script. `directory` receives the training file, the artifacts and the registry; the scorer checkpoints
    /// its card history into `featureState` (the caller's, so that an API beside the story scores with the same
    /// history). A `stop` request ends the story after the batch in flight (the summary then covers what was
    /// streamed); `stop` is requested when the story is over.
    package static func run(_ script: DriftDemoScript, directory: String, store: any FraudDatabase, bus: EmbeddedBus,
                           featureState: any FeatureStateStore, alerter: any Alerter, logger: Logger = Logger(label: "fraud.demo"), stop: StopSignal = StopSignal(),
                           narrate: @escaping @Sendable (Event) -> Void = { _ in }) async throws -> Summary {
        let log = DriftStoryLog(narrate: narrate)
        let stream = try DriftDemoStream(script)
        let clock = StreamClock(stream.training.last?.eventTime ?? stream.switchTime)
        let champion = try await DriftDemoChampion.train(script, on: stream.training, directory: directory, store: store, clock: clock)
        log.tell(0, clock.now(), "champion \(champion.version) trained on \(stream.training.count) payments (validation PR-AUC \(champion.validationPRAUC))")

        try await PaymentTopics.create(on: bus)
        let monitor = try MonitorWorker(bus: bus, store: store, alerter: alerter, configuration: script.monitor, logger: logger, clock: { clock.now() })
        await monitor.warm(with: stream.training)
        let labeller = GroundTruthLabeller(bus: bus, store: store, delayPayments: script.labelDelay,
                                           batches: .init(maxRecords: script.batchSize, maxWait: .milliseconds(20)), logger: logger)
        let retrainer = try Retrainer(
            store: store,
            configuration: try RetrainerConfiguration(originals: [champion.trainingPath], workDirectory: (directory as NSString).appendingPathComponent("retraining"),
                                                      artifactRoot: champion.artifactRoot, training: script.training, triggers: script.triggers),
            alerter: alerter, logger: logger, clock: { clock.now() })
        let pipeline = EmbeddedPipeline(bus: bus, store: store, featureState: featureState, models: .champion(store, checkEvery: .zero))
        let story = DriftStorySource(script: script, stream: stream, clock: clock, pipeline: pipeline, monitor: monitor, labeller: labeller,
                                     retrainer: retrainer, firstChampion: champion.version, log: log)
        try await pipeline.runUntilStored(source: story, extra: [monitor, labeller], stop: stop)

        let record = log.record.withLock { $0 }
        return Summary(driftStart: script.driftAfter, driftDetectedAt: record.driftDetectedAt, streamed: record.streamed,
                       alerts: await monitor.status().alerts, retrainings: record.retrainings, firstChampion: champion.version,
                       finalChampion: try await store.alias(AliasRecord.champion)?.version, labels: await labeller.labelled(),
                       events: record.events)
    }
}
