import FraudCore
import FraudDrift
import FraudMetrics

/// When to retrain: the four triggers of DESIGN.md §6 and a cool-down between retrainings.
package struct RetrainTriggers: Hashable, Sendable {
    /// Retrain when this many seconds passed since the last retraining (nil: no schedule).
    package var intervalSeconds: Int64?
    /// Retrain when this many confirmed labels arrived since the last retraining (nil: never).
    package var newLabels: Int?
    /// Retrain when the newest drift report (made after the last retraining) says drift.
    package var onDrift: Bool
    /// Retrain when the champion's labelled precision / recall is below these (nil: never).
    package var precisionFloor: Double?
    /// Retrain when the champion's labelled recall is below this (nil: never).
    package var recallFloor: Double?
    /// Labelled decisions of the champion needed before the floors are judged (default 100), frauds for recall (5).
    package var minimumLabelled: Int
    /// Confirmed frauds needed before recall is judged (default 5).
    package var minimumLabelledFrauds: Int
    /// No trigger fires within this many seconds of the last retraining (default 600), so that a persisting
    /// condition does not retrain in a loop.
    package var cooldownSeconds: Int64

    /// - Throws: `ConfigurationError` naming the setting out of range.
    package init(intervalSeconds: Int64? = nil, newLabels: Int? = nil, onDrift: Bool = true, precisionFloor: Double? = nil,
                recallFloor: Double? = nil, minimumLabelled: Int = 100, minimumLabelledFrauds: Int = 5, cooldownSeconds: Int64 = 600) throws {
        if let intervalSeconds, intervalSeconds < 1 { throw ConfigurationError(parameter: "intervalSeconds", value: "\(intervalSeconds)", expected: "≥ 1") }
        if let newLabels, newLabels < 1 { throw ConfigurationError(parameter: "newLabels", value: "\(newLabels)", expected: "≥ 1") }
        for (name, floor) in [("precisionFloor", precisionFloor), ("recallFloor", recallFloor)] {
            if let floor, !(0...1).contains(floor) { throw ConfigurationError(parameter: name, value: "\(floor)", expected: "0...1") }
        }
        guard cooldownSeconds >= 0 else { throw ConfigurationError(parameter: "cooldownSeconds", value: "\(cooldownSeconds)", expected: "≥ 0") }
        (self.intervalSeconds, self.newLabels, self.onDrift, self.precisionFloor, self.recallFloor) = (intervalSeconds, newLabels, onDrift, precisionFloor, recallFloor)
        (self.minimumLabelled, self.minimumLabelledFrauds, self.cooldownSeconds) = (max(1, minimumLabelled), max(0, minimumLabelledFrauds), cooldownSeconds)
    }

    /// The first trigger that fires on `signals` (performance, drift, labels, schedule, in that order), or nil.
    package func decide(_ signals: RetrainSignals) -> RetrainTrigger? {
        if let last = signals.lastRetrainAt, signals.now.millisecondsSinceEpoch - last.millisecondsSinceEpoch < cooldownSeconds * 1000 {
            return nil
        }
        if let counts = signals.championPerformance, counts.total >= minimumLabelled {
            let flagged = counts.truePositives + counts.falsePositives
            if let floor = precisionFloor, flagged > 0, counts.precision < floor {
                return RetrainTrigger(kind: .performance, reason: "champion precision \(counts.precision) < floor \(floor) over \(counts.total) labelled payments")
            }
            if let floor = recallFloor, counts.positives >= max(1, minimumLabelledFrauds), counts.recall < floor {
                return RetrainTrigger(kind: .performance, reason: "champion recall \(counts.recall) < floor \(floor) over \(counts.total) labelled payments (\(counts.positives) frauds)")
            }
        }
        if onDrift, let report = signals.latestDrift, report.datasetDrift, report.createdAt > (signals.lastRetrainAt ?? EventTime(millisecondsSinceEpoch: .min)) {
            let window = [report.windowStart, report.windowEnd].compactMap { $0?.iso }.joined(separator: " – ")
            return RetrainTrigger(kind: .drift, reason: "drift report \(report.id.map(String.init) ?? "-") (\(window)): drifted share \(report.driftedShare)")
        }
        let newCount = signals.labelledTotal - signals.labelledAtLastRetrain
        if let needed = newLabels, newCount >= needed {
            return RetrainTrigger(kind: .labels, reason: "\(newCount) new confirmed labels (threshold \(needed))")
        }
        if let interval = intervalSeconds {
            guard let last = signals.lastRetrainAt else { return RetrainTrigger(kind: .schedule, reason: "no retraining yet (every \(interval) s)") }
            let elapsed = (signals.now.millisecondsSinceEpoch - last.millisecondsSinceEpoch) / 1000
            if elapsed >= interval { return RetrainTrigger(kind: .schedule, reason: "\(elapsed) s since the last retraining (every \(interval) s)") }
        }
        return nil
    }
}
