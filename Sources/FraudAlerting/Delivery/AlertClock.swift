import FraudCore

/// Wall-clock time and waiting, injected so tests of retries run without sleeping.
package protocol AlertClock: Sendable {
    /// The current wall-clock time.
    var now: EventTime { get }
    /// Waits until `deadline` (returns at once when it has passed); throws on cancellation.
    func sleep(until deadline: EventTime) async throws
}

/// The system's real-time clock (`WallClock`), waiting with `Task.sleep`.
package struct SystemAlertClock: AlertClock {
    package init() {}

    package var now: EventTime { WallClock.now }

    package func sleep(until deadline: EventTime) async throws {
        let wait = deadline.millisecondsSinceEpoch - now.millisecondsSinceEpoch
        if wait > 0 { try await Task.sleep(for: .milliseconds(wait)) }
    }
}
