/// A stored drift report: its summary columns and the full report as JSON.
package struct DriftReportRecord: Hashable, Sendable {
    /// Assigned by the store; nil before saving.
    package var id: Int64?
    package var createdAt: EventTime
    /// Event-time window of the current data.
    package var windowStart: EventTime?
    package var windowEnd: EventTime?
    /// Whether the dataset as a whole drifted.
    package var datasetDrift: Bool
    /// Share of features that drifted, 0...1.
    package var driftedShare: Double
    /// The whole report, as JSON text.
    package var json: String

    package init(
        id: Int64? = nil, createdAt: EventTime, windowStart: EventTime? = nil, windowEnd: EventTime? = nil,
        datasetDrift: Bool, driftedShare: Double, json: String
    ) {
        self.id = id
        self.createdAt = createdAt
        self.windowStart = windowStart
        self.windowEnd = windowEnd
        self.datasetDrift = datasetDrift
        self.driftedShare = driftedShare
        self.json = json
    }
}
