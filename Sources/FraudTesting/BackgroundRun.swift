import Synchronization

/// Work running in the background that must not end while a test waits for something else (a worker riding out an
/// outage): `checkRunning` fails the wait at once if it ended, naming how.
package final class BackgroundRun: Sendable {
    private let name: String
    private let outcome = Mutex<String?>(nil)
    private let task = Mutex<Task<Void, any Error>?>(nil)

    /// Starts `body` in a new task.
    package init(_ name: String, _ body: @escaping @Sendable () async throws -> Void) {
        self.name = name
        task.withLock { task in
            task = Task { [self] in
                do {
                    try await body()
                    outcome.withLock { $0 = "returned" }
                } catch {
                    outcome.withLock { $0 = "threw \(error)" }
                    throw error
                }
            }
        }
    }

    /// Throws when the work has ended (for `Eventually.wait` conditions).
    package func checkRunning() throws {
        if let ended = outcome.withLock({ $0 }) { throw ConformanceFailure(message: "\(name) ended early: it \(ended)") }
    }

    /// Waits for the work to end; rethrows its error.
    package func value() async throws {
        try await task.withLock { $0 }!.value
    }
}
