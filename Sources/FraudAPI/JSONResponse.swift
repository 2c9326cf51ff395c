import Foundation
import Hummingbird

/// JSON response bodies: hand-written bytes on hot paths, `Encodable` values elsewhere.
enum JSONResponse {
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    /// A response with `bytes` as its JSON body.
    static func bytes(_ bytes: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// A response with `value` encoded as its JSON body.
    static func encoded(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        bytes(Array(try encoder.encode(value)), status: status)
    }

    /// Decodes a JSON request body; an empty body decodes as `{}`.
    /// - Throws: `DecodingError` (answered as a 400 naming the field).
    static func decode<T: Decodable>(_ type: T.Type, from body: ByteBuffer) throws -> T {
        let data = body.readableBytes == 0 ? Data("{}".utf8) : Data(buffer: body)
        return try JSONDecoder().decode(type, from: data)
    }
}

/// A finite number, or nothing: JSON has no NaN or infinity.
func finite(_ value: Double?) -> Double? {
    value.flatMap { $0.isFinite ? $0 : nil }
}
