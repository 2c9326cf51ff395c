/// A stored drift report: its summary columns and the full report as JSON.
public struct DriftReportRecord: Hashable, Sendable {
    /// Assigned by the store; nil before saving.
    public var id: Int64?
    public var createdAt: EventTime
    /// Event-time window of the current data.
    public var windowStart: EventTime?
    public var windowEnd: EventTime?
    /// Whether the dataset as a whole drifted.
    public var datasetDrift: Bool
    /// Share of features that drifted, 0...1.
    public var driftedShare: Double
    /// The whole report, as JSON text.
    public var json: String

    public init(
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
