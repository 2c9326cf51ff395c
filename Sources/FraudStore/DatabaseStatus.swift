import Metrics
import Synchronization

/// Whether the database answers, as the store's retries see it: unavailable from the first attempt that failed for a
/// connection problem (refused, lost, timed out) until an attempt succeeds. Long-running workers wait out such an
/// outage (`OutageRetry`); `fraud demo`'s status line shows it, and the gauge `fraud_database_available` (1 or 0)
/// exports it.
package final class DatabaseStatus: Sendable {
    /// The state after the latest attempt.
    package enum State: Sendable, Equatable {
        case available
        /// Since the first failed attempt of the outage; the latest failure's reason.
        case unavailable(since: ContinuousClock.Instant, reason: String)
    }

    /// The process's stores report here unless given another (`PostgresStore.connect(status:)`).
    package static let shared = DatabaseStatus()
    /// Gauge: 1 while the database answers, 0 during an outage.
    package static let gauge = "fraud_database_available"

    private let state = Mutex((current: State.available, exported: false))

    package init() {}

    /// The state now.
    package var current: State { state.withLock { $0.current } }

    /// "database unavailable, retrying (4 s: reason)" during an outage; nil while the database answers.
    package var outageText: String? {
        guard case .unavailable(let since, let reason) = current else { return nil }
        return "database unavailable, retrying (\(Int((ContinuousClock.now - since) / .seconds(1))) s: \(reason))"
    }

    /// An attempt failed for a connection problem: an outage starts, or goes on with this reason.
    func attemptFailed(_ reason: String) {
        let started = state.withLock { state -> Bool in
            defer { state.exported = true }
            if case .unavailable(let since, _) = state.current {
                state.current = .unavailable(since: since, reason: reason)
                return !state.exported
            }
            state.current = .unavailable(since: .now, reason: reason)
            return true
        }
        if started { Gauge(label: Self.gauge).record(0) }
    }

    /// An attempt succeeded: an outage, if any, is over.
    func attemptSucceeded() {
        let changed = state.withLock { state -> Bool in
            defer { state.exported = true }
            guard case .unavailable = state.current else { return !state.exported }
            state.current = .available
            return true
        }
        if changed { Gauge(label: Self.gauge).record(1) }
    }
}
