import FraudCore
import Synchronization

/// A clock that reads the stream's event time, so that report times, run stamps and cool-downs follow the simulated
/// days rather than the machine's.
final class StreamClock: Sendable {
    private let time: Mutex<EventTime>

    init(_ start: EventTime) { time = Mutex(start) }

    /// The latest event time streamed.
    func now() -> EventTime { time.withLock { $0 } }

    /// Moves the clock to `next` (never backwards).
    func advance(to next: EventTime) { time.withLock { $0 = max($0, next) } }
}
