import FraudAlerting
import FraudCore
import Synchronization

/// A clock that never sleeps: `sleep(until:)` jumps the time forward and records the wait.
final class ManualClock: AlertClock {
    private let state: Mutex<(now: EventTime, sleeps: [Int64])>

    init(start: EventTime = EventTime(secondsSinceEpoch: 1_700_000_000)) {
        state = Mutex((start, []))
    }

    var now: EventTime { state.withLock { $0.now } }

    /// Every wait requested, in milliseconds.
    var sleeps: [Int64] { state.withLock { $0.sleeps } }

    func sleep(until deadline: EventTime) async throws {
        try Task.checkCancellation()
        state.withLock {
            $0.sleeps.append(deadline.millisecondsSinceEpoch - $0.now.millisecondsSinceEpoch)
            if deadline > $0.now { $0.now = deadline }
        }
    }
}
