/// A pipeline setting out of range, naming the parameter and the valid range.
public struct PipelineConfigurationError: Error, Hashable, CustomStringConvertible {
    /// The parameter at fault.
    public var parameter: String
    /// What is wrong with it.
    public var problem: String

    public var description: String { "\(parameter): \(problem)" }

    static func check(rate: Double?, maxBatch: Int) throws {
        if let rate, !(rate > 0 && rate.isFinite) {
            throw PipelineConfigurationError(parameter: "rate", problem: "\(rate) payments/s: expected a positive number")
        }
        guard maxBatch >= 1 else { throw PipelineConfigurationError(parameter: "maxBatch", problem: "\(maxBatch): expected at least 1") }
    }
}
