import Synchronization

/// A boolean set once, readable from any task.
final class Flag: Sendable {
    private let value = Mutex(false)

    /// Whether it was set.
    var isSet: Bool { value.withLock { $0 } }

    /// Sets it.
    func set() { value.withLock { $0 = true } }
}
