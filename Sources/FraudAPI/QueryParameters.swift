import FraudCore
import Hummingbird

/// Typed reading of a request's query string, decoded as `application/x-www-form-urlencoded` (`+` is a space, `%HH`
/// a byte; the result must be UTF-8). A parameter the route does not accept, one given twice, or a malformed value is a
/// 400 naming the parameter.
struct QueryParameters {
    let request: Request
    /// The names the route accepts (the OpenAPI document declares the same, checked by `DocumentedParametersTests`).
    private let accepted: [String]
    private let values: [String: String]

    /// Decodes the query string of `request`.
    /// - Throws: `APIProblem` 400 naming the parameter: not among `accepted`, given twice, or not decodable.
    init(request: Request, accepting accepted: [String]) throws {
        self.request = request
        self.accepted = accepted
        var values: [String: String] = [:]
        for pair in (request.uri.query ?? "").utf8.split(separator: UInt8(ascii: "&")) {
            let equals = pair.firstIndex(of: UInt8(ascii: "="))
            let name = try Self.decoded(pair[..<(equals ?? pair.endIndex)], parameter: nil)
            guard accepted.contains(name) else {
                let takes = accepted.isEmpty ? "no query parameters" : "only \(accepted.joined(separator: ", "))"
                throw APIProblem.invalid(name, "unknown query parameter: this route takes \(takes)")
            }
            guard values[name] == nil else { throw APIProblem.invalid(name, "given more than once") }
            values[name] = try Self.decoded(equals.map { pair[pair.index(after: $0)...] } ?? pair[pair.endIndex...], parameter: name)
        }
        self.values = values
    }

    /// Checks that `request` has no query parameters (the routes that take none).
    /// - Throws: `APIProblem` 400 naming the first parameter.
    static func expectNone(_ request: Request) throws {
        _ = try QueryParameters(request: request, accepting: [])
    }

    /// One form-urlencoded name or value as text; `parameter` names the value's parameter (nil: the bytes are a name).
    private static func decoded(_ encoded: Substring.UTF8View.SubSequence, parameter: String?) throws -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(encoded.count)
        var index = encoded.startIndex
        while index < encoded.endIndex {
            let byte = encoded[index]
            index = encoded.index(after: index)
            switch byte {
            case UInt8(ascii: "+"):
                bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                let digits = encoded[index...].prefix(2)
                guard digits.count == 2, let value = UInt8(String(decoding: digits, as: UTF8.self), radix: 16) else {
                    throw APIProblem.invalid(parameter ?? String(decoding: encoded, as: UTF8.self), "'%' must be followed by two hexadecimal digits")
                }
                bytes.append(value)
                index = digits.endIndex
            default:
                bytes.append(byte)
            }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw UTF8Text.failure(field: parameter ?? UTF8Text.escaped(bytes), bytes: bytes)
        }
        return text
    }

    private func text(_ name: String) -> String? {
        assert(accepted.contains(name), "the route reads query parameter '\(name)' without accepting it")
        return values[name]
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
