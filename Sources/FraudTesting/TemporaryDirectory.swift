import Foundation

/// Fresh directories for tests, under the system temporary directory.
package enum TemporaryDirectory {
    /// Creates and returns a new empty directory whose name starts with `prefix`.
    package static func make(_ prefix: String) -> String {
        let path = NSTemporaryDirectory() + "fraud-\(prefix)-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
