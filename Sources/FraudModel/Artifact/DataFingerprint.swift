import Crypto
import Foundation

/// What a model was trained on: enough to tell whether two runs saw the same data.
package struct DataFingerprint: Hashable, Sendable, Codable {
    package var rows: Int
    package var frauds: Int
    package var firstEventTime: String?
    package var lastEventTime: String?
    /// SHA-256 (hex) of the input files' bytes, in the order given.
    package var sha256: String
    package var files: [String]

    package init(rows: Int, frauds: Int, firstEventTime: String?, lastEventTime: String?, sha256: String, files: [String]) {
        (self.rows, self.frauds, self.firstEventTime, self.lastEventTime, self.sha256, self.files) =
            (rows, frauds, firstEventTime, lastEventTime, sha256, files)
    }

    enum CodingKeys: String, CodingKey {
        case rows, frauds, firstEventTime = "first_event_time", lastEventTime = "last_event_time", sha256, files
    }

    /// SHA-256 over the raw bytes of `paths`, streamed in 1 MiB reads.
    package static func sha256(of paths: [String]) throws -> String {
        var hasher = SHA256()
        for path in paths {
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw ModelError.invalidInput("cannot open \(path) to fingerprint it")
            }
            defer { try? handle.close() }
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
        }
        return hasher.finalize().map { byte in
            let digits = Array("0123456789abcdef")
            return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
        }.joined()
    }
}
