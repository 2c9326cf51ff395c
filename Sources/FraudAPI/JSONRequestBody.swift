import Foundation
import FraudCore
import Hummingbird

/// A request body object whose members are all known: any other member is a 400 naming it. The OpenAPI document
/// declares such a body with `additionalProperties: false` and the same `properties` (checked by
/// `DocumentedParametersTests`).
protocol ClosedJSONObject: Decodable {
    /// The member names accepted.
    static var members: [String] { get }
}

/// Decoding of the JSON request bodies read with `Decodable` (labels, promote, rollback).
enum JSONRequestBody {
    /// Decodes a body holding one `T` object; an empty body decodes as `{}`.
    /// - Throws: `APIProblem` 400 naming an unknown member; `DecodingError` (a 400 naming the field); `FieldError`
    ///   naming the member where the body stops being JSON, or holds text that is not UTF-8 (RFC 8259).
    static func decode<T: ClosedJSONObject>(_ type: T.Type, from body: ByteBuffer) throws -> T {
        let data = body.readableBytes == 0 ? Data("{}".utf8) : Data(buffer: body)
        do {
            return try JSONDecoder().decode(Closed<T>.self, from: data).value
        } catch let error as DecodingError {
            // Foundation names no member for malformed JSON or bytes that are not UTF-8: the message reader does.
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty, let located = malformedMember(data) { throw located }
            throw error
        }
    }

    /// The first member at which `data` is not well-formed UTF-8 JSON, as the message reader reports it.
    private static func malformedMember(_ data: Data) -> FieldError? {
        data.withUnsafeBytes { bytes in
            var reader = JSONReader(bytes)
            do throws(FieldError) {
                try reader.skipValue()
                try reader.expectEnd()
                return nil
            } catch {
                return error.field == JSONReader.wholeMessage ? FieldError(field: "body", value: error.value, reason: error.reason) : error
            }
        }
    }

    /// `T`, after checking that the object has no member outside `T.members`.
    private struct Closed<T: ClosedJSONObject>: Decodable {
        let value: T

        init(from decoder: any Decoder) throws {
            let keys = try decoder.container(keyedBy: AnyKey.self).allKeys
            if let unknown = keys.first(where: { !T.members.contains($0.stringValue) }) {
                throw APIProblem.invalid(unknown.stringValue, "unknown member; expected \(T.members.joined(separator: ", "))")
            }
            value = try T(from: decoder)
        }
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
