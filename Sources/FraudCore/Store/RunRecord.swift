/// One training run: what it was given, what it measured, how long it took, and where its artifact is.
package struct RunRecord: Hashable, Sendable {
    package var id: String
    package var startedAt: EventTime
    package var finishedAt: EventTime?
    /// `running`, `finished`, `failed`, or `imported`.
    package var status: String
    /// Hyperparameters and settings, as text.
    package var params: [String: String]
    /// Evaluation metrics (`pr_auc`, `f1`, ...).
    package var metrics: [String: Double]
    /// Seconds per phase (`load`, `features`, `train`, ...).
    package var timings: [String: Double]
    package var dataFingerprint: DataFingerprint?
    /// Where the artifact was written.
    package var artifactLocation: String?

    package init(
        id: String, startedAt: EventTime, finishedAt: EventTime? = nil, status: String, params: [String: String] = [:],
        metrics: [String: Double] = [:], timings: [String: Double] = [:], dataFingerprint: DataFingerprint? = nil,
        artifactLocation: String? = nil
    ) {
        self.id = id
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.status = status
        self.params = params
        self.metrics = metrics
        self.timings = timings
        self.dataFingerprint = dataFingerprint
        self.artifactLocation = artifactLocation
    }
}

/// What a model was trained on: row count, event-time range and content hash.
package struct DataFingerprint: Hashable, Sendable, Codable {
    package var rows: Int
    package var frauds: Int?
    /// First and last event time, `YYYY-MM-DD HH:MM:SS`.
    package var firstEventTime: String?
    package var lastEventTime: String?
    /// SHA-256 of the training data, hex.
    package var sha256: String?

    package init(rows: Int, frauds: Int? = nil, firstEventTime: String? = nil, lastEventTime: String? = nil, sha256: String? = nil) {
        self.rows = rows
        self.frauds = frauds
        self.firstEventTime = firstEventTime
        self.lastEventTime = lastEventTime
        self.sha256 = sha256
    }

    enum CodingKeys: String, CodingKey {
        case rows, frauds, firstEventTime = "first_event_time", lastEventTime = "last_event_time", sha256
    }
}
