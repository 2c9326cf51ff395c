#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A parsed JSON value that keeps integers exact (a 19-digit `cc_num` never passes through `Double`).
package enum APIJSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([APIJSONValue])
    case object([String: APIJSONValue])

    /// Parses one JSON text (a top-level scalar is allowed).
    /// - Throws: `CurrentTransactionsError.notJSON` with the parser's reason (the first byte that is not UTF-8, for
    ///   a text that is not: RFC 8259 requires UTF-8).
    package static func parse(_ bytes: some Collection<UInt8>) throws -> APIJSONValue {
        do {
            return try JSONDecoder().decode(APIJSONValue.self, from: Data(bytes))
        } catch let error as DecodingError {
            if let offset = UTF8Text.firstInvalidByte(bytes) { throw CurrentTransactionsError.notJSON(reason: "not valid UTF-8 at byte \(offset)") }
            throw CurrentTransactionsError.notJSON(reason: Self.describe(error))
        } catch {
            throw CurrentTransactionsError.notJSON(reason: "\(error)")
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let context): return context.underlyingError.map { "\($0)" } ?? context.debugDescription
        default: return "\(error)"
        }
    }

    /// A short name of the value's JSON type, for error messages.
    package var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .integer: return "an integer"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// The value written back as compact JSON (for quarantine records).
    package var jsonText: String {
        var output = ""
        APIJSONValue.write(self, to: &output)
        return output
    }

    private static func write(_ value: APIJSONValue, to output: inout String) {
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .integer(let integer): output += String(integer)
        case .number(let number): output += number.isFinite ? number.description : "null"
        case .string(let text): output += JSONWriter.quoted(text)
        case .array(let items):
            output += "["
            for (position, item) in items.enumerated() {
                if position > 0 { output += "," }
                write(item, to: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (position, key) in members.keys.sorted().enumerated() {
                if position > 0 { output += "," }
                output += JSONWriter.quoted(key)
                output += ":"
                write(members[key]!, to: &output)
            }
            output += "}"
        }
    }
}

extension APIJSONValue: Decodable {
    package init(from decoder: any Decoder) throws {
        if var array = try? decoder.unkeyedContainer() {
            var items: [APIJSONValue] = []
            while !array.isAtEnd { items.append(try array.decode(APIJSONValue.self)) }
            self = .array(items)
            return
        }
        if let object = try? decoder.container(keyedBy: AnyKey.self) {
            var members: [String: APIJSONValue] = [:]
            for key in object.allKeys { members[key.stringValue] = try object.decode(APIJSONValue.self, forKey: key) }
            self = .object(members)
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            self = .null
        } else if let flag = try? single.decode(Bool.self) {
            self = .bool(flag)
        } else if let integer = try? single.decode(Int64.self) {
            // JSONDecoder reads integers from the original digits, so 19-digit values stay exact.
            self = .integer(integer)
        } else if let number = try? single.decode(Double.self) {
            self = .number(number)
        } else {
            self = .string(try single.decode(String.self))
        }
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

