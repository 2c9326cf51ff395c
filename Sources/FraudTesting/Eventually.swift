/// Awaiting a condition in tests that exercise live servers and workers: checks it every 10 ms.
package enum Eventually {
    /// Returns once `condition` holds; throws naming `what` after `patience`.
    package static func wait(
        _ what: String, patience: Duration = .seconds(120), _ condition: () async throws -> Bool
    ) async throws {
        let deadline = ContinuousClock.now + patience
        while try await !condition() {
            guard ContinuousClock.now < deadline else { throw ConformanceFailure(message: "\(what): not within \(patience)") }
            try await Task.sleep(for: .milliseconds(10))
        }
    }
}
