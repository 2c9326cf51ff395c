import FraudCore
import FraudDrift
import FraudMetrics
import FraudMonitoring
import Testing

/// Which trigger fires on which signals.
@Suite struct RetrainTriggerTests {
    static let now = EventTime(year: 2021, month: 1, day: 2)!

    static func signals(last: EventTime? = nil, labelled: Int = 0, atLast: Int = 0, drift: DriftReportRecord? = nil,
                        performance: ConfusionCounts? = nil) -> RetrainSignals {
        RetrainSignals(now: now, lastRetrainAt: last, labelledTotal: labelled, labelledAtLastRetrain: atLast, latestDrift: drift,
                       championPerformance: performance)
    }

    static func counts(tp: Int, fp: Int, tn: Int, fn: Int) -> ConfusionCounts {
        var counts = ConfusionCounts()
        counts.truePositives = tp
        counts.falsePositives = fp
        counts.trueNegatives = tn
        counts.falseNegatives = fn
        return counts
    }

    @Test func eachTriggerFiresWithItsReason() throws {
        let triggers = try RetrainTriggers(intervalSeconds: 3_600, newLabels: 500, onDrift: true, precisionFloor: 0.5, recallFloor: 0.6, cooldownSeconds: 60)
        let hourAgo = Self.now.adding(seconds: -3_601)
        let recent = Self.now.adding(seconds: -120)
        #expect(triggers.decide(Self.signals())?.kind == .schedule)
        #expect(triggers.decide(Self.signals(last: hourAgo))?.kind == .schedule)
        #expect(triggers.decide(Self.signals(last: recent)) == nil)
        let labels = triggers.decide(Self.signals(last: recent, labelled: 1_700, atLast: 1_000))
        #expect(labels?.kind == .labels && labels?.reason.contains("700 new confirmed labels") == true)
        #expect(triggers.decide(Self.signals(last: recent, labelled: 1_400, atLast: 1_000)) == nil)
        let drifted = DriftReportRecord(id: 7, createdAt: Self.now.adding(seconds: -10), datasetDrift: true, driftedShare: 0.6, json: "{}")
        #expect(triggers.decide(Self.signals(last: recent, drift: drifted))?.reason.contains("drift report 7") == true)
        let old = DriftReportRecord(id: 6, createdAt: recent.adding(seconds: -1), datasetDrift: true, driftedShare: 0.6, json: "{}")
        #expect(triggers.decide(Self.signals(last: recent, drift: old)) == nil, "a report from before the last retraining is already handled")
        let lowRecall = Self.counts(tp: 10, fp: 2, tn: 180, fn: 20)
        let fired = triggers.decide(Self.signals(last: recent, performance: lowRecall))
        #expect(fired?.kind == .performance && fired?.reason.contains("recall") == true)
        let lowPrecision = Self.counts(tp: 10, fp: 20, tn: 180, fn: 2)
        #expect(triggers.decide(Self.signals(last: recent, performance: lowPrecision))?.reason.contains("precision") == true)
        let tooFew = Self.counts(tp: 1, fp: 5, tn: 10, fn: 5)
        #expect(triggers.decide(Self.signals(last: recent, performance: tooFew)) == nil)
    }

    @Test func nothingFiresDuringTheCooldown() throws {
        let triggers = try RetrainTriggers(newLabels: 1, cooldownSeconds: 600)
        let drifted = DriftReportRecord(id: 1, createdAt: Self.now, datasetDrift: true, driftedShare: 1, json: "{}")
        #expect(triggers.decide(Self.signals(last: Self.now.adding(seconds: -599), labelled: 10_000, drift: drifted)) == nil)
        #expect(triggers.decide(Self.signals(last: Self.now.adding(seconds: -601), labelled: 10_000, drift: drifted))?.kind == .drift)
    }

    @Test func settingsOutOfRangeNameTheParameter() {
        #expect(throws: ConfigurationError(parameter: "newLabels", value: "0", expected: "≥ 1")) { try RetrainTriggers(newLabels: 0) }
        #expect(throws: ConfigurationError(parameter: "recallFloor", value: "1.5", expected: "0...1")) { try RetrainTriggers(recallFloor: 1.5) }
        #expect(throws: ConfigurationError.self) { try MonitorConfiguration(windowSize: 3) }
    }

    @Test func alertEpisodesRaiseOnceAndReArmAfterClearing() {
        var machine = AlertEpisodeStateMachine(clearAfter: 2)
        let actions = [true, true, false, true, false, false, true, true].map { machine.check(present: $0) }
        #expect(actions == [.raise(episode: 1), .none, .none, .none, .none, .resolve(episode: 1), .raise(episode: 2), .none])
    }
}
