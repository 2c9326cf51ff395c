/// One logged metric value at a time (milliseconds since the epoch) and step.
public struct MLflowMetric: Codable, Hashable, Sendable {
    public var key: String
    public var value: Double
    public var timestamp: Int64
    public var step: Int64

    public init(key: String, value: Double, timestamp: Int64, step: Int64 = 0) {
        self.key = key
        self.value = value
        self.timestamp = timestamp
        self.step = step
    }
}
