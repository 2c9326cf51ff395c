import FraudCore

/// Wall-clock time and waiting, injected so tests of retries run without sleeping.
public protocol AlertClock: Sendable {
    /// The current wall-clock time.
    var now: EventTime { get }
    /// Waits until `deadline` (returns at once when it has passed); throws on cancellation.
    func sleep(until deadline: EventTime) async throws
}

/// The system's real-time clock (`WallClock`), waiting with `Task.sleep`.
public struct SystemAlertClock: AlertClock {
    public init() {}

    public var now: EventTime { WallClock.now }

    public func sleep(until deadline: EventTime) async throws {
        let wait = deadline.millisecondsSinceEpoch - now.millisecondsSinceEpoch
        if wait > 0 { try await Task.sleep(for: .milliseconds(wait)) }
    }
}
