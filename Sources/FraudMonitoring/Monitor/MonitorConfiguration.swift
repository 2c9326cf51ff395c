import FraudCore
import FraudDrift
import FraudRuntime
import FraudStore

/// What the monitor watches and when it raises an alert.
package struct MonitorConfiguration: Sendable {
    /// Consumer group on `payments.scored` (default `monitor`; the monitor reads every payment, apart from the store writer).
    package var group: String
    /// Micro-batches of the consumer loop.
    package var batches: MicroBatchLoop.Configuration
    /// Payments in the sliding drift window (default 1,000; it is compared with the reference of its own hours of day,
    /// `HourMatchedReference`, so it may cover a few hours).
    package var windowSize: Int
    /// A drift check every this many payments once the window is full (default 500: windows overlap by half, and a
    /// shift is seen by a window wholly after it within 1,500 payments).
    package var checkEvery: Int
    /// Payments that only warm the monitor's per-card feature state before windows fill (default 2,000): live
    /// features of a card with no history would look drifted against the warm training reference.
    package var warmupPayments: Int
    /// How the window is tested against the reference (Evidently's defaults; dataset drift at 50 % of features).
    package var drift: DriftReport.Configuration
    /// Columns whose drift alone counts as drift (default `amt`, `category`): with some 40 columns, several of them
    /// transforms of the same raw value (`category` and its 14 one-hot columns), a real shift of amounts or of the
    /// category mix moves well under half of them. `score` is tested and reported but not a key column by default:
    /// fraud comes in bursts and the per-card counts it relies on follow the day of the week, so it moves between
    /// windows of a stationary stream (measured up to 0.20 against the hour-matched reference).
    package var keyColumns: [String]
    /// Columns left out of the drift tests (default `weekday`: a window shorter than a week always differs from a
    /// reference spread over weeks on the day of the week; `card_payment_count`: a lifetime counter that grows
    /// without bound, so it drifts from any fixed reference; neither says anything about the model's health).
    package var ignoredColumns: Set<String>
    /// Labelled payments in the performance window (default 1,000).
    package var labelledWindowSize: Int
    /// Labelled payments needed before precision/recall are judged against the floors (default 100).
    package var minimumLabelled: Int
    /// Confirmed frauds needed before recall is judged (default 5).
    package var minimumLabelledFrauds: Int
    /// Alert when labelled precision falls below this (nil: never).
    package var precisionFloor: Double?
    /// Alert when labelled recall falls below this (nil: never).
    package var recallFloor: Double?
    /// How often the store is asked for new labels (default 2 s).
    package var labelPollInterval: Duration
    /// Consecutive checks without the condition before an alert episode ends and a new one may be raised (default 2).
    package var clearAfter: Int
    /// How a database outage is waited out (the monitor's store calls run again until it answers).
    package var outage = OutageRetry.standard

    /// - Throws: `ConfigurationError` naming the first setting out of range.
    package init(group: String = "monitor", batches: MicroBatchLoop.Configuration = .init(maxRecords: 1_000, maxWait: .milliseconds(200)),
                windowSize: Int = 1_000, checkEvery: Int = 500, warmupPayments: Int = 2_000,
                drift: DriftReport.Configuration = .evidently, keyColumns: [String] = ["amt", "category"],
                ignoredColumns: Set<String> = ["weekday", "card_payment_count"],
                labelledWindowSize: Int = 1_000,
                minimumLabelled: Int = 100, minimumLabelledFrauds: Int = 5, precisionFloor: Double? = nil, recallFloor: Double? = nil,
                labelPollInterval: Duration = .seconds(2), clearAfter: Int = 2) throws {
        func check(_ ok: Bool, _ name: String, _ value: Any, _ expected: String) throws {
            if !ok { throw ConfigurationError(parameter: name, value: "\(value)", expected: expected) }
        }
        try check(!group.isEmpty, "group", group, "a non-empty consumer group name")
        try check(windowSize >= 10, "windowSize", windowSize, "≥ 10")
        try check(checkEvery >= 1, "checkEvery", checkEvery, "≥ 1")
        try check(warmupPayments >= 0, "warmupPayments", warmupPayments, "≥ 0")
        try check(labelledWindowSize >= 1, "labelledWindowSize", labelledWindowSize, "≥ 1")
        try check(minimumLabelled >= 1, "minimumLabelled", minimumLabelled, "≥ 1")
        try check(minimumLabelledFrauds >= 0, "minimumLabelledFrauds", minimumLabelledFrauds, "≥ 0")
        try check(precisionFloor.map { (0...1).contains($0) } ?? true, "precisionFloor", precisionFloor ?? 0, "0...1")
        try check(recallFloor.map { (0...1).contains($0) } ?? true, "recallFloor", recallFloor ?? 0, "0...1")
        try check(clearAfter >= 1, "clearAfter", clearAfter, "≥ 1")
        (self.group, self.batches, self.windowSize, self.checkEvery, self.warmupPayments) = (group, batches, windowSize, checkEvery, warmupPayments)
        self.ignoredColumns = ignoredColumns
        (self.drift, self.keyColumns, self.labelledWindowSize, self.minimumLabelled) = (drift, keyColumns, labelledWindowSize, minimumLabelled)
        (self.minimumLabelledFrauds, self.precisionFloor, self.recallFloor) = (minimumLabelledFrauds, precisionFloor, recallFloor)
        (self.labelPollInterval, self.clearAfter) = (labelPollInterval, clearAfter)
    }
}
