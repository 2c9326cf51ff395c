import Foundation
import FraudCore
import FraudMetrics
import FraudModel
import FraudRuntime
import FraudStore
import Logging
import Metrics

/// Retraining: decides on triggers, builds the training set (original data + confirmed labels, fingerprinted;
/// never the system's own predictions), trains a challenger, registers it, judges it against the champion on the
/// same recent labelled window, and promotes it through the registry's gate or keeps it as `challenger` with the
/// reason. Every run is recorded in the `runs` table as `retrain-<milliseconds>` with its trigger and outcome.
package struct Retrainer: Sendable {
    /// Prefix of the retrainer's run ids.
    package static let runPrefix = "retrain-"

    /// Labels, runs, the registry.
    package let store: any FraudDatabase
    /// Data, model, triggers, gate.
    package let configuration: RetrainerConfiguration
    /// Where lifecycle alerts go (none: only logged).
    package let alerter: (any Alerter)?
    /// Draws the challenger's drift reference.
    package let referenceBuilder: DriftReferenceBuilder
    let logger: Logger
    let clock: @Sendable () -> EventTime

    /// A retrainer on `store`; `clock` stamps runs and decides cool-downs (the demo passes the stream's clock).
    package init(store: any FraudDatabase, configuration: RetrainerConfiguration, alerter: (any Alerter)? = nil,
                referenceBuilder: DriftReferenceBuilder? = nil, logger: Logger = Logger(label: "fraud.retrainer"),
                clock: @escaping @Sendable () -> EventTime = { WallClock.now }) throws {
        self.store = store
        self.configuration = configuration
        self.alerter = alerter
        self.referenceBuilder = try referenceBuilder ?? DriftReferenceBuilder()
        self.logger = logger
        self.clock = clock
    }

    /// The retrainer's recorded runs in `store`, newest first.
    package static func history(store: any ModelStore, limit: Int = 100) async throws -> [RunRecord] {
        Array(try await store.runs(limit: 10_000).filter { $0.id.hasPrefix(runPrefix) }.prefix(limit))
    }

    /// The facts the triggers look at, read from the store.
    package func signals() async throws -> RetrainSignals {
        let last = try await Self.history(store: store, limit: 1).first
        var performance: ConfusionCounts?
        if let champion = try await store.alias(AliasRecord.champion) {
            performance = try await championDecisions(champion)
        }
        return RetrainSignals(
            now: clock(), lastRetrainAt: last?.startedAt, labelledTotal: try await store.counts().labelled,
            labelledAtLastRetrain: last?.params["labelled_total"].flatMap { Int($0) } ?? 0,
            latestDrift: try await store.driftReports(limit: 1).first, championPerformance: performance)
    }

    /// The trigger that fires now, if any.
    package func check() async throws -> RetrainTrigger? {
        configuration.triggers.decide(try await signals())
    }

    /// The champion's decisions against confirmed labels: the most recent labelled payments it scored (by model
    /// version, or scored after it became champion), at most `performanceWindow`.
    private func championDecisions(_ champion: AliasRecord) async throws -> ConfusionCounts {
        var counts = ConfusionCounts()
        var query = TransactionQuery(label: .labelled, limit: 5_000)
        var scanned = 0
        while counts.total < configuration.performanceWindow, scanned < 50_000 {
            let page = try await store.transactions(query)
            for row in page.rows where counts.total < configuration.performanceWindow {
                guard let actual = row.trueValue,
                      row.scored.modelVersion == champion.version || row.scored.scoredAt >= champion.updatedAt else { continue }
                counts.update(predicted: row.scored.prediction, actual: actual)
            }
            scanned += page.rows.count
            guard let next = page.nextCursor else { break }
            query.cursor = next
        }
        return counts
    }

    /// Runs one retraining for `trigger` and records it.
    /// - Throws: `MonitoringError.training` when the training set has no usable rows; store, model and registry errors.
    ///   A failed run is recorded with status `failed` and the error.
    package func retrain(trigger: RetrainTrigger) async throws -> RetrainOutcome {
        let started = clock()
        let runId = Self.runPrefix + String(started.millisecondsSinceEpoch)
        let labelledTotal = try await store.counts().labelled
        var run = RunRecord(id: runId, startedAt: started, status: "running",
                            params: ["trigger": trigger.kind.rawValue, "reason": trigger.reason, "labelled_total": String(labelledTotal)])
        try await store.record(run)
        Counter(label: MetricNames.retrainTriggers, dimensions: [("trigger", trigger.kind.rawValue)]).increment()
        logger.info("retraining (\(trigger))")
        do {
            let outcome = try await train(runId: runId, trigger: trigger, labelledTotal: labelledTotal, run: &run)
            run.finishedAt = clock()
            try await store.record(run)
            await announce(outcome)
            return outcome
        } catch {
            run.status = "failed"
            run.finishedAt = clock()
            run.params["error"] = "\(error)"
            try? await store.record(run)
            throw error
        }
    }

    private func train(runId: String, trigger: RetrainTrigger, labelledTotal: Int, run: inout RunRecord) async throws -> RetrainOutcome {
        let directory = (configuration.workDirectory as NSString).appendingPathComponent(runId)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let holdout = min(configuration.gateWindowRows, Int(Double(labelledTotal) * configuration.holdoutShare))
        let policy = try PromotionPolicy(metric: configuration.gateMetric, tolerance: configuration.gateTolerance,
                                         latencyBudgetMs: configuration.latencyBudgetMs, window: EvaluationWindow(maxRows: max(holdout, 0)))
        let gate = try await PromotionGate.make(store: store, artifactRoot: configuration.artifactRoot, policy: policy,
                                                requirements: configuration.gateRequirements, guardTolerance: configuration.guardTolerance)
        let gateNote = Self.gateNote(gate, confirmedLabels: labelledTotal, holdout: holdout, configuration: configuration)
        logger.info("\(gateNote)")

        let timer = ContinuousClock.now
        let setPath = (directory as NSString).appendingPathComponent("training-set.csv")
        let export = try await TrainingExport.write(originals: configuration.originals, store: store, to: setPath)
        var transactions = try LabelledFeatures.readTransactions(paths: [setPath])
        var heldOut = 0
        if gate.sameWindow {
            for index in transactions.indices where gate.window.transNums.contains(transactions[index].transNum) {
                transactions[index].label = nil
                heldOut += 1
            }
        }
        var extractor = FeatureExtractor()
        let features = LabelledFeatures(transactions: transactions, extractor: &extractor)
        guard features.count > 0 else { throw MonitoringError.training("no labelled rows in \(setPath)") }
        let sha256 = try FraudModel.DataFingerprint.sha256(of: [setPath])
        let fingerprint = FraudModel.DataFingerprint(
            rows: features.count, frauds: features.labels.filter { $0 }.count, firstEventTime: features.times.first?.iso,
            lastEventTime: features.times.last?.iso, sha256: sha256, files: [setPath])
        let prepared = Self.seconds(since: timer)
        let trained = try configuration.training.train(features, fingerprint: fingerprint) { logger.debug("\($0)") }
        let artifactDirectory = (directory as NSString).appendingPathComponent("candidate")
        try trained.artifact.write(directory: artifactDirectory)
        try referenceBuilder.build(transactions: transactions, model: trained.model, source: "retraining set \(setPath)")
            .write(directory: artifactDirectory)
        let trainedSeconds = Self.seconds(since: timer) - prepared

        let previous = try await store.alias(AliasRecord.champion)?.version
        let candidate = try await gate.registry.importArtifact(from: artifactDirectory, description: "retrained (\(trigger))")
        let decision = try await gate.promote(version: candidate.version, by: configuration.actor, reason: "retrained (\(trigger))")
        let result: RetrainOutcome.Decision
        switch decision.outcome {
        case .moved: result = .promoted
        case .rejected(let rejection):
            try await gate.registry.setAlias(AliasRecord.challenger, to: candidate.version, by: configuration.actor, reason: rejection.description)
            result = .challenger(reason: rejection.description)
        }

        let coreFingerprint = FraudCore.DataFingerprint(rows: fingerprint.rows, frauds: fingerprint.frauds, firstEventTime: fingerprint.firstEventTime,
                                                        lastEventTime: fingerprint.lastEventTime, sha256: sha256)
        run.status = result == .promoted ? "promoted" : "challenger"
        run.params["candidate_version"] = candidate.version
        run.params["previous_champion"] = previous ?? ""
        run.params["gate"] = gateNote
        run.params["held_out_labels"] = String(heldOut)
        run.params["original_rows"] = String(export.originalRows)
        run.params["confirmed_rows"] = String(export.confirmedRows)
        run.params["model"] = configuration.training.kind.rawValue
        if case .challenger(let reason) = result { run.params["decision_reason"] = reason }
        for (key, value) in decision.candidate?.metrics ?? [:] { run.metrics["candidate_" + key] = value }
        for (key, value) in decision.champion?.metrics ?? [:] { run.metrics["champion_" + key] = value }
        run.metrics["validation_pr_auc"] = trained.validationReport.prAUC
        run.timings = ["prepare": prepared, "train": trainedSeconds]
        run.dataFingerprint = coreFingerprint
        run.artifactLocation = candidate.artifactPath
        return RetrainOutcome(runId: runId, trigger: trigger, candidate: candidate, previousChampion: previous, decision: result,
                              gateNote: gateNote, candidateEvaluation: decision.candidate, championEvaluation: decision.champion,
                              export: export, confirmedLabels: labelledTotal, heldOutLabels: heldOut, fingerprint: coreFingerprint)
    }

    private func announce(_ outcome: RetrainOutcome) async {
        let title: String
        switch outcome.decision {
        case .promoted: title = "Retrained model \(outcome.candidate.version) promoted to champion (was \(outcome.previousChampion ?? "none"))"
        case .challenger: title = "Retrained model \(outcome.candidate.version) kept as challenger"
        }
        logger.info("\(title)")
        guard let alerter else { return }
        var details = ["trigger \(outcome.trigger)", outcome.gateNote]
        if case .challenger(let reason) = outcome.decision { details.append(reason) }
        _ = await alerter.send(OperationalAlert(id: "lifecycle:\(outcome.runId)", kind: .modelLifecycle, severity: .info, title: title,
                                                details: details.joined(separator: "\n"), createdAt: clock()))
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        (ContinuousClock.now - start).inSeconds
    }
}
