import Synchronization

/// What a source has sent so far (read by the command that runs it, while it runs or after).
package final class SourceProgress: Sendable {
    private let counts = Mutex((sent: 0, quarantined: 0, fraction: Double?.none))

    package init() {}

    /// Payments sent and acknowledged by the bus.
    package var sent: Int { counts.withLock { $0.sent } }
    /// Rows or records quarantined by the source.
    package var quarantined: Int { counts.withLock { $0.quarantined } }
    /// The share of its input a source with a known end (a file) has read, 0...1; `nil` for endless sources.
    package var fractionDone: Double? { counts.withLock { $0.fraction } }

    func sent(_ count: Int) { counts.withLock { $0.sent += count } }
    func quarantined(_ count: Int) { counts.withLock { $0.quarantined += count } }
    func done(_ fraction: Double?) { counts.withLock { $0.fraction = fraction } }
}
