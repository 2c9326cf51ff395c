@testable import FraudAlerting
import FraudCore
import Testing

@Suite("Alert delivery state machine")
struct AlertDeliveryStateMachineTests {
    let start = EventTime(secondsSinceEpoch: 1_700_000_000)

    func machine(attempts: Int = 4, jitter: Double = 0, capacity: Int = 100, seed: UInt64 = 7) throws -> AlertDeliveryStateMachine {
        let policy = try RetryPolicy(
            maxAttempts: attempts, backoff: Backoff(initial: .seconds(1), multiplier: 2, maximum: .seconds(3), jitter: jitter))
        return AlertDeliveryStateMachine(policy: policy, deduplicationCapacity: capacity, seed: seed)
    }

    func later(_ milliseconds: Int64) -> EventTime {
        EventTime(millisecondsSinceEpoch: start.millisecondsSinceEpoch + milliseconds)
    }

    @Test func deliveredKeyIsADuplicate() throws {
        var machine = try machine()
        #expect(machine.submit(key: "a") == .send(attempt: 1))
        #expect(machine.submit(key: "a") == .skipDuplicate, "in flight")
        #expect(machine.attemptSucceeded(key: "a", note: "250 OK") == .succeed(attempts: 1, note: "250 OK"))
        #expect(machine.submit(key: "a") == .skipDuplicate, "delivered")
        #expect(machine.submit(key: "b") == .send(attempt: 1))
        #expect(machine.inProgressCount == 1)
    }

    @Test func transientFailuresBackOffExponentiallyUpToTheCapThenGiveUp() throws {
        var machine = try machine()
        let failure = AlertChannelError.transient("HTTP 503")
        #expect(machine.submit(key: "k") == .send(attempt: 1))
        #expect(machine.attemptFailed(key: "k", error: failure, now: start) == .scheduleRetry(attempt: 2, at: later(1000)))
        #expect(machine.retryDue(key: "k", now: later(999)) == .scheduleRetry(attempt: 2, at: later(1000)), "woke early")
        #expect(machine.retryDue(key: "k", now: later(1000)) == .send(attempt: 2))
        #expect(machine.attemptFailed(key: "k", error: failure, now: later(1000)) == .scheduleRetry(attempt: 3, at: later(3000)))
        #expect(machine.submit(key: "k") == .skipDuplicate, "waiting to retry")
        #expect(machine.retryDue(key: "k", now: later(3000)) == .send(attempt: 3))
        // 4 s would exceed the maximum of 3 s.
        #expect(machine.attemptFailed(key: "k", error: failure, now: later(3000)) == .scheduleRetry(attempt: 4, at: later(6000)))
        #expect(machine.retryDue(key: "k", now: later(6000)) == .send(attempt: 4))
        #expect(machine.attemptFailed(key: "k", error: failure, now: later(6000))
            == .giveUp(attempts: 4, reason: "gave up after 4 attempts: HTTP 503"))
        #expect(machine.inProgressCount == 0)
        #expect(machine.submit(key: "k") == .send(attempt: 1), "a key that gave up may be tried again")
    }

    @Test func permanentFailureGivesUpAtOnce() throws {
        var machine = try machine()
        _ = machine.submit(key: "k")
        let action = machine.attemptFailed(key: "k", error: .permanent("HTTP 400: bad payload"), now: start)
        #expect(action == .giveUp(attempts: 1, reason: "permanent failure on attempt 1: HTTP 400: bad payload"))
        #expect(machine.submit(key: "k") == .send(attempt: 1))
    }

    @Test func retryAfterIsHonouredWithinTheCap() throws {
        var machine = try machine()
        _ = machine.submit(key: "k")
        #expect(machine.attemptFailed(key: "k", error: .transient("429", retryAfter: .seconds(2)), now: start)
            == .scheduleRetry(attempt: 2, at: later(2000)))
        _ = machine.retryDue(key: "k", now: later(2000))
        #expect(machine.attemptFailed(key: "k", error: .transient("429", retryAfter: .seconds(3600)), now: later(2000))
            == .scheduleRetry(attempt: 3, at: later(5000)), "capped at the maximum")
    }

    @Test func jitterIsSeededAndWithinBounds() throws {
        func waits(seed: UInt64) throws -> [Int64] {
            var machine = try machine(attempts: 50, jitter: 0.5, seed: seed)
            var now = start
            var waits: [Int64] = []
            _ = machine.submit(key: "k")
            for _ in 0..<20 {
                guard case .scheduleRetry(_, let at) = machine.attemptFailed(key: "k", error: .transient("x"), now: now) else {
                    Issue.record("expected a retry")
                    return waits
                }
                waits.append(at.millisecondsSinceEpoch - now.millisecondsSinceEpoch)
                now = at
                _ = machine.retryDue(key: "k", now: now)
            }
            return waits
        }
        let first = try waits(seed: 42)
        #expect(first == (try waits(seed: 42)))
        #expect(first != (try waits(seed: 43)))
        #expect(first[0] >= 500 && first[0] <= 1000)
        #expect(first[1] >= 1000 && first[1] <= 2000)
        #expect(first.dropFirst(2).allSatisfy { $0 >= 1500 && $0 <= 3000 })
        #expect(Set(first).count > 10, "jitter spreads the waits")
    }

    @Test func deduplicationMemoryIsBounded() throws {
        var machine = try machine(capacity: 2)
        for key in ["a", "b", "c"] {
            _ = machine.submit(key: key)
            _ = machine.attemptSucceeded(key: key)
        }
        #expect(machine.submit(key: "c") == .skipDuplicate)
        #expect(machine.submit(key: "b") == .skipDuplicate)
        #expect(machine.submit(key: "a") == .send(attempt: 1), "the oldest key was forgotten")
    }

    @Test func cancellationWhileWaitingGivesUpWithTheAttemptsMade() throws {
        var machine = try machine()
        _ = machine.submit(key: "k")
        _ = machine.attemptFailed(key: "k", error: .transient("timeout"), now: start)
        #expect(machine.cancel(key: "k", reason: "shutdown") == .giveUp(attempts: 1, reason: "cancelled after 1 attempts: shutdown"))
        #expect(machine.inProgressCount == 0)
    }

    @Test func policyRejectsBadValuesNamingTheParameter() {
        #expect(throws: ConfigurationError(parameter: "maxAttempts", value: "0", reason: "must be at least 1")) {
            try RetryPolicy(maxAttempts: 0, backoff: RetryPolicy.alertDelivery.backoff)
        }
        #expect { try Backoff(initial: .seconds(1), maximum: .seconds(5), jitter: 1.5) } throws: {
            ($0 as? ConfigurationError)?.parameter == "backoff.jitter"
        }
        #expect { try Backoff(initial: .seconds(5), maximum: .seconds(1)) } throws: {
            ($0 as? ConfigurationError)?.parameter == "backoff.maximum"
        }
        #expect { try Backoff(initial: .seconds(1), multiplier: 0.5, maximum: .seconds(5)) } throws: {
            ($0 as? ConfigurationError)?.parameter == "backoff.multiplier"
        }
        #expect { try Backoff(initial: .seconds(-1), maximum: .seconds(5)) } throws: {
            ($0 as? ConfigurationError)?.parameter == "backoff.initial"
        }
    }
}
