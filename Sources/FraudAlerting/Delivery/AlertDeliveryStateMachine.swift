import FraudCore

/// De-duplication and retries for the deliveries of one channel, as a state machine returning actions.
///
/// The `AlertDispatcher` actor does the I/O: it calls `submit`, performs what the returned `Action` says,
/// and reports back (`attemptSucceeded`, `attemptFailed`, `retryDue`). Time comes in as arguments and the
/// jitter from a seeded generator, so every transition is reproducible in tests without sleeping.
///
/// A key is a duplicate while its delivery is in progress and after it was delivered (the last
/// `deduplicationCapacity` delivered keys are remembered). A key whose delivery gave up is forgotten,
/// so a redelivery from the bus tries again.
package struct AlertDeliveryStateMachine: Sendable {
    /// What the caller must do next for one key.
    package enum Action: Hashable, Sendable {
        /// Make delivery attempt number `attempt` (1-based), then report `attemptSucceeded` or `attemptFailed`.
        case send(attempt: Int)
        /// Wait until `at`, then report `retryDue`; the next attempt will be number `attempt`.
        case scheduleRetry(attempt: Int, at: EventTime)
        /// Done: the channel accepted the alert after `attempts` attempts.
        case succeed(attempts: Int, note: String?)
        /// Done: no further attempt will be made; record the reason.
        case giveUp(attempts: Int, reason: String)
        /// Done: this key is already delivered or in progress on this channel.
        case skipDuplicate
    }

    private enum KeyState: Hashable, Sendable {
        case sending(attempt: Int)
        case waiting(nextAttempt: Int, until: EventTime)
    }

    package let policy: RetryPolicy
    private var inProgress: [String: KeyState] = [:]
    private var delivered: RecentKeys
    private var random: SplitMix64

    /// - Precondition: `deduplicationCapacity >= 1`.
    package init(policy: RetryPolicy, deduplicationCapacity: Int, seed: UInt64) {
        self.policy = policy
        self.delivered = RecentKeys(capacity: deduplicationCapacity)
        self.random = SplitMix64(seed: seed)
    }

    /// Deliveries started and not yet finished.
    package var inProgressCount: Int { inProgress.count }

    /// A new alert for `key`: send it, or skip it as a duplicate.
    package mutating func submit(key: String) -> Action {
        if inProgress[key] != nil || delivered.contains(key) { return .skipDuplicate }
        inProgress[key] = .sending(attempt: 1)
        return .send(attempt: 1)
    }

    /// The attempt in flight for `key` was accepted.
    package mutating func attemptSucceeded(key: String, note: String? = nil) -> Action {
        guard case .sending(let attempt) = inProgress[key] else {
            preconditionFailure("attemptSucceeded for '\(key)' with no attempt in flight")
        }
        inProgress[key] = nil
        delivered.insert(key)
        return .succeed(attempts: attempt, note: note)
    }

    /// The attempt in flight for `key` failed at `now`: retry later or give up.
    package mutating func attemptFailed(key: String, error: AlertChannelError, now: EventTime) -> Action {
        guard case .sending(let attempt) = inProgress[key] else {
            preconditionFailure("attemptFailed for '\(key)' with no attempt in flight")
        }
        guard error.isRetryable else {
            inProgress[key] = nil
            return .giveUp(attempts: attempt, reason: "permanent failure on attempt \(attempt): \(error.reason)")
        }
        guard attempt < policy.maxAttempts else {
            inProgress[key] = nil
            return .giveUp(attempts: attempt, reason: "gave up after \(attempt) attempts: \(error.reason)")
        }
        let deadline = EventTime(millisecondsSinceEpoch: now.millisecondsSinceEpoch + wait(afterAttempt: attempt, error))
        inProgress[key] = .waiting(nextAttempt: attempt + 1, until: deadline)
        return .scheduleRetry(attempt: attempt + 1, at: deadline)
    }

    /// The wait for `key` is over (or the caller woke up early) at `now`.
    package mutating func retryDue(key: String, now: EventTime) -> Action {
        guard case .waiting(let attempt, let deadline) = inProgress[key] else {
            preconditionFailure("retryDue for '\(key)' that is not waiting")
        }
        guard now >= deadline else { return .scheduleRetry(attempt: attempt, at: deadline) }
        inProgress[key] = .sending(attempt: attempt)
        return .send(attempt: attempt)
    }

    /// The caller stopped (cancellation, shutdown) while `key` was in progress.
    package mutating func cancel(key: String, reason: String) -> Action {
        let attempts: Int
        switch inProgress[key] {
        case .sending(let attempt): attempts = attempt
        case .waiting(let next, _): attempts = next - 1
        case nil: preconditionFailure("cancel for '\(key)' that is not in progress")
        }
        inProgress[key] = nil
        return .giveUp(attempts: attempts, reason: "cancelled after \(attempts) attempts: \(reason)")
    }

    /// Backoff after `attempt` failed, jittered, at least the server's `Retry-After`, at most the backoff's maximum.
    private mutating func wait(afterAttempt attempt: Int, _ error: AlertChannelError) -> Int64 {
        var wait = policy.backoff.wait(afterFailures: attempt, random: &random)
        if let retryAfter = error.retryAfter {
            wait = min(max(wait, retryAfter), policy.backoff.maximum)
        }
        return wait.milliseconds
    }
}
