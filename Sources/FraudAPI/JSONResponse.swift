import Foundation
import FraudCore
import Hummingbird

/// JSON response bodies: hand-written bytes on hot paths, `Encodable` values elsewhere.
enum JSONResponse {
    private static let encoder = JSONEncoder.sortedSnakeCase()

    /// A response with `bytes` as its JSON body.
    static func bytes(_ bytes: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// A response with `value` encoded as its JSON body.
    static func encoded(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        bytes(Array(try encoder.encode(value)), status: status)
    }
}

/// A finite number, or nothing: JSON has no NaN or infinity.
func finite(_ value: Double?) -> Double? {
    value.flatMap { $0.isFinite ? $0 : nil }
}
