/// Errors of feature specs, model files and artifacts; each names what is wrong and where.
package enum ModelError: Error, CustomStringConvertible, Sendable {
    /// A model needs features the extractor does not produce.
    case unknownFeatures([String], available: [String])
    /// A model or artifact file is malformed.
    case malformed(file: String, reason: String)
    /// A model kind or objective this project cannot score.
    case unsupported(String)
    /// A training input is unusable (no rows, no frauds...).
    case invalidInput(String)

    package var description: String {
        switch self {
        case .unknownFeatures(let names, let available):
            "the model uses features the extractor does not produce: \(names.joined(separator: ", ")) (available: \(available.joined(separator: ", ")))"
        case .malformed(let file, let reason): "\(file): \(reason)"
        case .unsupported(let what): "unsupported: \(what)"
        case .invalidInput(let reason): "invalid input: \(reason)"
        }
    }
}
