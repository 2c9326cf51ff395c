/// De-duplicates operational alerts: one alert when a condition (drift, performance below floor) starts, none while
/// it persists, and a new one only after it has been absent for `clearAfter` consecutive checks (STYLE.md §10).
package struct AlertEpisodeStateMachine: Sendable, Hashable {
    /// What the caller must do after a check.
    package enum Action: Hashable, Sendable {
        /// Raise an alert: the condition started episode `episode` (1, 2, ...).
        case raise(episode: Int)
        /// The episode ended (the condition stayed absent long enough).
        case resolve(episode: Int)
        /// Nothing to do.
        case none
    }

    /// Consecutive absent checks that end an episode.
    package let clearAfter: Int
    /// Episodes started so far.
    package private(set) var episodes = 0
    /// Whether an episode is open.
    package private(set) var isActive = false
    private var absentChecks = 0

    /// A machine with no episode open; `clearAfter` below 1 counts as 1.
    package init(clearAfter: Int) {
        self.clearAfter = max(1, clearAfter)
    }

    /// Records one check of the condition.
    package mutating func check(present: Bool) -> Action {
        if present {
            absentChecks = 0
            guard !isActive else { return .none }
            isActive = true
            episodes += 1
            return .raise(episode: episodes)
        }
        guard isActive else { return .none }
        absentChecks += 1
        guard absentChecks >= clearAfter else { return .none }
        isActive = false
        absentChecks = 0
        return .resolve(episode: episodes)
    }
}
