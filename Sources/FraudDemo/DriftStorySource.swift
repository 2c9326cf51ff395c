import FraudCore
import FraudMonitoring
import FraudPipeline
import FraudRuntime

/// The story's source: sends the live payments to `payments.raw` one script batch at a time and, once the pipeline
/// has stored the batch and the monitor and the labeller have read it (lockstep, so that the same script always
/// tells the same story), narrates what changed and lets the retrainer check its triggers.
struct DriftStorySource: PipelineWorker {
    let name = "drift story"
    let script: DriftDemoScript
    let stream: DriftDemoStream
    let clock: StreamClock
    let pipeline: EmbeddedPipeline
    let monitor: MonitorWorker
    let labeller: GroundTruthLabeller
    let retrainer: Retrainer
    /// The champion the stream starts with.
    let firstChampion: String
    let log: DriftStoryLog

    /// What was already told: the model the stored rows carry, the alerts narrated.
    private struct Told {
        var model: String
        var alerts = 0
    }

    /// Streams until every live payment is stored, or a stop.
    func run(stop: StopSignal) async throws {
        let producer = try await pipeline.bus.makeProducer()
        try await withCleanup { try await play(producer, stop: stop) } cleanup: { try await producer.close() }
    }

    private func play(_ producer: any BusProducer, stop: StopSignal) async throws {
        var simulator = stream.live
        var told = Told(model: firstChampion)
        var streamed = 0
        while streamed < script.livePayments, !stop.isRequested {
            let batch = simulator.nextBatch(count: min(script.batchSize, script.livePayments - streamed))
            try await producer.send(batch.map { PaymentMessages.message(for: $0) })
            clock.advance(to: batch.last!.eventTime)
            if streamed < script.driftAfter, streamed + batch.count >= script.driftAfter {
                log.tell(script.driftAfter, stream.switchTime, "the stream switches to \(script.drift.map(\.rawValue).joined(separator: " + "))")
            }
            streamed += batch.count
            guard try await caughtUp(stop: stop) else { return }
            log.record.withLock { $0.streamed = streamed }
            try await narrate(streamed, told: &told)
            if streamed % script.retrainCheckEvery < script.batchSize { try await retrainIfTriggered(streamed) }
        }
    }

    /// Waits until the scorer and the writer have stored everything sent, then until the monitor and the labeller
    /// have read (and committed) all of `payments.scored`; false when a stop came first (a worker failed, or the
    /// caller stopped the story).
    private func caughtUp(stop: StopSignal) async throws -> Bool {
        guard try await pipeline.waitUntilStored(stop: stop) else { return false }
        for group in [script.monitor.group, labeller.group] {
            while try pipeline.bus.lag(group: group, topic: PaymentMessages.scoredTopic) > 0 {
                if stop.isRequested || Task.isCancelled { return false }
                await stop.sleep(for: .milliseconds(10))
            }
        }
        return true
    }

    /// Tells a new model in the stored rows, new alerts, and the first drift reported after the switch.
    private func narrate(_ streamed: Int, told: inout Told) async throws {
        let now = clock.now()
        if let served = try await pipeline.store.transactions(TransactionQuery(limit: 1)).rows.first?.scored.modelVersion, served != told.model {
            told.model = served
            log.tell(streamed, now, "scorer swapped to champion \(served)")
        }
        let status = await monitor.status()
        for alert in status.alerts.dropFirst(told.alerts) { log.tell(streamed, now, "ALERT \(alert.kind): \(alert.title)") }
        told.alerts = status.alerts.count
        if log.record.withLock({ $0.driftDetectedAt == nil }), streamed > script.driftAfter, let check = status.lastCheck, check.driftDetected,
           check.windowEnd >= stream.switchTime {
            log.record.withLock { $0.driftDetectedAt = streamed }
            log.tell(streamed, now, "monitor reports drift: \(check.report.features.filter(\.drifted).count) of \(check.report.features.count) columns, drift share \(check.report.driftShare)")
        }
    }

    /// Runs a retraining when a trigger fires, and tells its outcome.
    private func retrainIfTriggered(_ streamed: Int) async throws {
        guard let trigger = try await retrainer.check() else { return }
        log.tell(streamed, clock.now(), "retraining triggered (\(trigger))")
        let outcome = try await retrainer.retrain(trigger: trigger)
        log.record.withLock { $0.retrainings.append(DriftDemo.Retraining(payment: streamed, outcome: outcome)) }
        switch outcome.decision {
        case .promoted: log.tell(streamed, clock.now(), "challenger \(outcome.candidate.version) promoted: \(outcome.gateNote)")
        case .challenger(let reason): log.tell(streamed, clock.now(), "challenger \(outcome.candidate.version) kept as challenger: \(reason)")
        }
    }
}
