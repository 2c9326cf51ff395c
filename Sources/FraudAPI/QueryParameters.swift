import FraudCore
import Hummingbird

/// Typed reading of a request's query parameters; a malformed value is a 400 naming the parameter.
struct QueryParameters {
    let request: Request

    private func text(_ name: String) -> String? {
        request.uri.queryParameters[name[...]].map(String.init)
    }

    /// An integer in `range`, or `defaultValue` when absent.
    func int(_ name: String, in range: ClosedRange<Int>, default defaultValue: Int) throws -> Int {
        guard let text = text(name) else { return defaultValue }
        guard let value = Int(text), range.contains(value) else {
            throw APIProblem.invalid(name, "expected an integer in \(range.lowerBound)...\(range.upperBound), got '\(text)'")
        }
        return value
    }

    /// A positive 64-bit integer, or nil when absent.
    func positiveInt64(_ name: String) throws -> Int64? {
        guard let text = text(name) else { return nil }
        guard let value = Int64(text), value > 0 else { throw APIProblem.invalid(name, "expected a positive integer, got '\(text)'") }
        return value
    }

    /// `true` or `false`, or nil when absent.
    func bool(_ name: String) throws -> Bool? {
        guard let text = text(name) else { return nil }
        switch text {
        case "true": return true
        case "false": return false
        default: throw APIProblem.invalid(name, "expected true or false, got '\(text)'")
        }
    }

    /// A time `YYYY-MM-DD` or `YYYY-MM-DD HH:MM:SS` (UTC; `T` accepted for the space), or nil when absent.
    func time(_ name: String) throws -> EventTime? {
        guard let text = text(name) else { return nil }
        guard let time = EventTime(text) else {
            throw APIProblem.invalid(name, "expected YYYY-MM-DD or YYYY-MM-DD HH:MM:SS, got '\(text)'")
        }
        return time
    }

    /// One of `allowed`, or `defaultValue` when absent.
    func choice(_ name: String, _ allowed: [String], default defaultValue: String) throws -> String {
        guard let text = text(name) else { return defaultValue }
        guard allowed.contains(text) else { throw APIProblem.invalid(name, "expected one of \(allowed.joined(separator: ", ")), got '\(text)'") }
        return text
    }

    /// The raw text, or nil when absent.
    func string(_ name: String) -> String? { text(name) }
}
