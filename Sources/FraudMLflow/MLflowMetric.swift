/// One logged metric value at a time (milliseconds since the epoch) and step.
package struct MLflowMetric: Codable, Hashable, Sendable {
    /// The metric's name, e.g. `pr_auc`.
    package var key: String
    /// The value logged.
    package var value: Double
    /// When, in milliseconds since the epoch.
    package var timestamp: Int64
    /// The training step (0 for a final figure).
    package var step: Int64

    /// A metric value.
    package init(key: String, value: Double, timestamp: Int64, step: Int64 = 0) {
        self.key = key
        self.value = value
        self.timestamp = timestamp
        self.step = step
    }

    /// MLflow leaves out zero values (protobuf's default), e.g. step 0.
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        key = try container.decode(String.self, forKey: .key)
        value = try container.decodeIfPresent(Double.self, forKey: .value) ?? 0
        timestamp = try container.decodeIfPresent(Int64.self, forKey: .timestamp) ?? 0
        step = try container.decodeIfPresent(Int64.self, forKey: .step) ?? 0
    }
}
