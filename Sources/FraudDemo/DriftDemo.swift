import Foundation
import FraudCore
import FraudData
import FraudModel
import FraudMonitoring
import FraudPipeline
import FraudRuntime
import FraudSimulator
import FraudStore
import Logging
import Synchronization

/// Runs a `DriftDemoScript` in one process on a given store and bus, narrating each step.
///
/// The monitor, the labeller and the retrainer are the real ones. Scoring and storing use a minimal in-process
/// stand-in (score a micro-batch with the champion, write it, publish it to `payments.scored`, swap the model when
/// `championChanged` reports a new champion), run in lockstep with the monitor and the labeller so that the same
/// script always tells the same story; `fraud demo` replaces the stand-in with the pipeline's scorer and writer.
public enum DriftDemo {
    /// One step of the story.
    public struct Event: Sendable, CustomStringConvertible {
        /// Live payments streamed when it happened.
        public var payment: Int
        /// The stream's event time then.
        public var time: EventTime
        /// What happened.
        public var text: String

        /// The event as one narration line.
        public var description: String { "[payment \(payment), \(time.iso)] \(text)" }
    }

    /// What happened.
    public struct Summary: Sendable {
        /// Live payment index of the switch to the drifted distribution.
        public var driftStart: Int
        /// Live payments streamed when the monitor first reported drift after the switch (nil: never).
        public var driftDetectedAt: Int?
        /// Payments between the switch and the detection.
        public var detectionDelay: Int? { driftDetectedAt.map { $0 - driftStart } }
        /// Operational alerts the monitor raised.
        public var alerts: [OperationalAlert]
        /// Every retraining, in order.
        public var retrainings: [RetrainOutcome]
        /// The champion at the start and the end.
        public var firstChampion: String
        /// The champion at the end.
        public var finalChampion: String?
        /// Confirmed labels written.
        public var labels: Int
        /// The story, step by step.
        public var events: [Event]
    }

    /// A clock that reads the stream's event time, so cool-downs and report times follow the simulated days.
    final class StreamClock: Sendable {
        let time: Mutex<EventTime>
        init(_ start: EventTime) { time = Mutex(start) }
        func now() -> EventTime { time.withLock { $0 } }
        func advance(to next: EventTime) { time.withLock { $0 = max($0, next) } }
    }

    /// Plays the script. `directory` receives the training file, the artifacts and the registry.
    public static func run(_ script: DriftDemoScript, directory: String, store: any FraudDatabase, bus: any Bus, alerter: any Alerter,
                           logger: Logger = Logger(label: "fraud.demo"), narrate: @Sendable (Event) -> Void = { _ in }) async throws -> Summary {
        var events: [Event] = []
        func tell(_ payment: Int, _ time: EventTime, _ text: String) {
            let event = Event(payment: payment, time: time, text: text)
            events.append(event)
            narrate(event)
        }
        // The stream, and when it drifts.
        var probe = try PaymentSimulator(seed: script.seed, cards: script.cards, fraudRate: script.fraudRate)
        _ = probe.nextBatch(count: script.trainingPayments + script.driftAfter)
        let switchTime = probe.nextEventTime
        var simulator = try PaymentSimulator(seed: script.seed, cards: script.cards, fraudRate: script.fraudRate,
                                             drift: script.drift.map { DriftScenario(kind: $0, start: switchTime) })
        let training = simulator.nextBatch(count: script.trainingPayments)
        let clock = StreamClock(training.last?.eventTime ?? switchTime)

        // The champion.
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let trainingPath = (directory as NSString).appendingPathComponent("training.csv")
        let writer = try TransactionCSVWriter(path: trainingPath)
        try writer.write(contentsOf: training)
        try writer.flush()
        let artifactRoot = (directory as NSString).appendingPathComponent("registry")
        let registry = ModelRegistry(store: store, artifactRoot: artifactRoot, evaluator: RecordedMetricsEvaluator(), policy: try PromotionPolicy(),
                                     clock: { clock.now() })
        let championDirectory = (directory as NSString).appendingPathComponent("champion")
        let input = try TrainingInput.load(paths: [trainingPath])
        let trained = try script.training.train(input.features, fingerprint: input.fingerprint)
        try trained.artifact.write(directory: championDirectory)
        try DriftReferenceBuilder().build(transactions: training, model: trained.model, source: "training data \(trainingPath)").write(directory: championDirectory)
        let first = try await registry.importArtifact(from: championDirectory, description: "demo champion")
        _ = try await registry.promote(version: first.version, by: "demo", reason: "initial champion")
        tell(0, clock.now(), "champion \(first.version) trained on \(training.count) payments (validation PR-AUC \(trained.validationReport.prAUC))")

        // The workers.
        try await bus.createTopic(PaymentMessages.scoredTopic, partitions: 2)
        let producer = try await bus.makeProducer()
        let monitor = try MonitorWorker(bus: bus, store: store, alerter: alerter, configuration: script.monitor, logger: logger, clock: { clock.now() })
        await monitor.warm(with: training)
        let labeller = GroundTruthLabeller(bus: bus, store: store, delayPayments: script.labelDelay, logger: logger)
        let retrainer = try Retrainer(
            store: store,
            configuration: try RetrainerConfiguration(originals: [trainingPath], workDirectory: (directory as NSString).appendingPathComponent("retraining"),
                                                      artifactRoot: artifactRoot, training: script.training, triggers: script.triggers),
            alerter: alerter, logger: logger, clock: { clock.now() })
        let stop = StopSignal()
        let workers = Task {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await monitor.run(stop: stop) }
                group.addTask { try await labeller.run(stop: stop, batches: .init(maxRecords: script.batchSize, maxWait: .milliseconds(20))) }
                try await group.waitForAll()
            }
        }

        var scorer = try FraudScorer(artifactDirectory: first.artifactPath, modelVersion: first.version)
        var extractor = FeatureExtractor()
        _ = extractor.extract(training)
        var generation = try await store.aliasGeneration()
        var retrainings: [RetrainOutcome] = []
        var detectedAt: Int?
        var alertsSeen = 0
        var streamed = 0
        do {
            while streamed < script.livePayments {
                if let (champion, next) = try await registry.store.championChanged(since: generation) {
                    generation = next
                    if let champion, champion.version != scorer.modelVersion, let model = try await store.model(version: champion.version) {
                        scorer = try FraudScorer(artifactDirectory: model.artifactPath, modelVersion: model.version)
                        tell(streamed, clock.now(), "scorer swapped to champion \(model.version)")
                    }
                }
                let batch = simulator.nextBatch(count: min(script.batchSize, script.livePayments - streamed))
                let decisions = scorer.score(batch, extractor: &extractor, reasons: .none)
                let scored = zip(batch, decisions).map { payment, decision in
                    ScoredTransaction(transaction: payment, score: decision.score, prediction: decision.prediction, threshold: scorer.threshold,
                                      modelVersion: scorer.modelVersion, reasons: [], scoredAt: WallClock.now, latencyMs: 1)
                }
                try await store.write(scored)
                try await producer.send(scored.map { PaymentMessages.message(for: $0) })
                let before = streamed
                streamed += batch.count
                clock.advance(to: batch.last!.eventTime)
                if before < script.driftAfter && streamed >= script.driftAfter {
                    tell(script.driftAfter, switchTime, "the stream switches to \(script.drift.map(\.rawValue).joined(separator: " + "))")
                }
                // Lockstep: the monitor has read everything streamed, the labeller has labelled what is due.
                try await waitFor {
                    let seen = await monitor.status().paymentsSeen
                    let labelled = await labeller.labelled()
                    return seen >= streamed && labelled >= max(0, streamed - script.labelDelay - script.batchSize)
                }
                let status = await monitor.status()
                for alert in status.alerts.dropFirst(alertsSeen) { tell(streamed, clock.now(), "ALERT \(alert.kind): \(alert.title)") }
                alertsSeen = status.alerts.count
                if detectedAt == nil, streamed > script.driftAfter, let check = status.lastCheck, check.driftDetected,
                   check.windowEnd >= switchTime {
                    detectedAt = streamed
                    tell(streamed, clock.now(), "monitor reports drift: \(check.report.features.filter(\.drifted).count) of \(check.report.features.count) columns, drift share \(check.report.driftShare)")
                }
                if streamed % script.retrainCheckEvery < script.batchSize, let trigger = try await retrainer.check() {
                    tell(streamed, clock.now(), "retraining triggered (\(trigger))")
                    let outcome = try await retrainer.retrain(trigger: trigger)
                    retrainings.append(outcome)
                    switch outcome.decision {
                    case .promoted: tell(streamed, clock.now(), "challenger \(outcome.candidate.version) promoted: \(outcome.gateNote)")
                    case .challenger(let reason): tell(streamed, clock.now(), "challenger \(outcome.candidate.version) kept as challenger: \(reason)")
                    }
                }
            }
        } catch {
            stop.request()
            _ = try? await workers.value
            throw error
        }
        stop.request()
        try await workers.value
        try await producer.close()
        let status = await monitor.status()
        return Summary(driftStart: script.driftAfter, driftDetectedAt: detectedAt, alerts: status.alerts, retrainings: retrainings,
                       firstChampion: first.version, finalChampion: try await store.alias(AliasRecord.champion)?.version,
                       labels: await labeller.labelled(), events: events)
    }

    /// Polls `condition` until it holds (the workers run on other tasks); gives up after about a minute.
    static func waitFor(_ condition: () async throws -> Bool) async throws {
        for _ in 0..<6_000 {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw MonitoringError.stalled("the demo's monitor and labeller did not keep up with the stream within a minute")
    }
}
