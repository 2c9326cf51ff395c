import FraudCore
import Synchronization

/// A store whose writes take at least `delay` each (a deliberately slow sink), forwarding everything to `base`;
/// it can also hold writes until released, to catch a worker mid-batch.
final class SlowStore: ForwardingStore {
    let base: any Store
    let delay: Duration
    private let gate = Mutex<(held: Bool, waiting: [CheckedContinuation<Void, Never>], entered: Int)>((false, [], 0))

    init(base: any Store, delay: Duration) {
        self.base = base
        self.delay = delay
    }

    /// Makes later writes wait until `release()`.
    func hold() { gate.withLock { $0.held = true } }

    /// Lets held writes go on.
    func release() {
        let waiting = gate.withLock { state in
            state.held = false
            defer { state.waiting = [] }
            return state.waiting
        }
        for continuation in waiting { continuation.resume() }
    }

    /// Writes started so far.
    var writesEntered: Int { gate.withLock { $0.entered } }

    func write(_ batch: [ScoredTransaction]) async throws -> Int {
        await withCheckedContinuation { continuation in
            let resumeNow = gate.withLock { state -> Bool in
                state.entered += 1
                if state.held { state.waiting.append(continuation) }
                return !state.held
            }
            if resumeNow { continuation.resume() }
        }
        try await Task.sleep(for: delay)
        return try await base.write(batch)
    }
}
