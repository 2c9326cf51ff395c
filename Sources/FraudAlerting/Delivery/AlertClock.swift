import FraudCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Wall-clock time and waiting, injected so tests of retries run without sleeping.
public protocol AlertClock: Sendable {
    /// The current wall-clock time.
    var now: EventTime { get }
    /// Waits until `deadline` (returns at once when it has passed); throws on cancellation.
    func sleep(until deadline: EventTime) async throws
}

/// The system's real-time clock.
public struct SystemAlertClock: AlertClock {
    public init() {}

    public var now: EventTime {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return EventTime(millisecondsSinceEpoch: Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000)
    }

    public func sleep(until deadline: EventTime) async throws {
        let wait = deadline.millisecondsSinceEpoch - now.millisecondsSinceEpoch
        if wait > 0 { try await Task.sleep(for: .milliseconds(wait)) }
    }
}
