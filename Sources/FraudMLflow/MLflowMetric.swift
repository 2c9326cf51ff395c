/// One logged metric value at a time (milliseconds since the epoch) and step.
public struct MLflowMetric: Codable, Hashable, Sendable {
    /// The metric's name, e.g. `pr_auc`.
    public var key: String
    /// The value logged.
    public var value: Double
    /// When, in milliseconds since the epoch.
    public var timestamp: Int64
    /// The training step (0 for a final figure).
    public var step: Int64

    /// A metric value.
    public init(key: String, value: Double, timestamp: Int64, step: Int64 = 0) {
        self.key = key
        self.value = value
        self.timestamp = timestamp
        self.step = step
    }

    /// MLflow leaves out zero values (protobuf's default), e.g. step 0.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        key = try container.decode(String.self, forKey: .key)
        value = try container.decodeIfPresent(Double.self, forKey: .value) ?? 0
        timestamp = try container.decodeIfPresent(Int64.self, forKey: .timestamp) ?? 0
        step = try container.decodeIfPresent(Int64.self, forKey: .step) ?? 0
    }
}
