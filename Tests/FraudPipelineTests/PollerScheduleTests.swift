@testable import FraudPipeline
import FraudCore
import Testing

@Suite("Poller schedule and Retry-After")
struct PollerScheduleTests {
    static func schedule(jitter: Double = 0, seed: UInt64 = 1) -> PollSchedule {
        PollSchedule(
            interval: .seconds(12),
            backoff: try! Backoff(initial: .seconds(1), multiplier: 2, maximum: .seconds(5), jitter: jitter), seed: seed)
    }

    @Test func answeredCallsWaitTheInterval() {
        var schedule = Self.schedule()
        #expect(schedule.delay(after: .answered) == .seconds(12))
        #expect(schedule.delay(after: .answered) == .seconds(12))
    }

    @Test func failuresBackOffExponentiallyUpToTheMaximumAndAnAnswerResets() {
        var schedule = Self.schedule()
        let waits = (0..<5).map { _ in schedule.delay(after: .failed) }
        #expect(waits == [.seconds(1), .seconds(2), .seconds(4), .seconds(5), .seconds(5)])
        #expect(schedule.consecutiveFailures == 5)
        #expect(schedule.delay(after: .answered) == .seconds(12))
        #expect(schedule.delay(after: .failed) == .seconds(1))
    }

    @Test func jitterIsSeededAndWithinBounds() {
        var one = Self.schedule(jitter: 0.5, seed: 9)
        var two = Self.schedule(jitter: 0.5, seed: 9)
        let first = (0..<6).map { _ in one.delay(after: .failed) }
        #expect(first == (0..<6).map { _ in two.delay(after: .failed) })
        let ceilings: [Duration] = [.seconds(1), .seconds(2), .seconds(4), .seconds(5), .seconds(5), .seconds(5)]
        for (wait, ceiling) in zip(first, ceilings) {
            #expect(wait <= ceiling && wait >= ceiling / 2, "\(wait) outside [\(ceiling / 2), \(ceiling)]")
        }
        #expect(Set(first.map { $0.components.attoseconds }).count > 1, "jitter varies the waits")
    }

    @Test func tooManyRequestsWaitsRetryAfterButNeverLessThanTheInterval() {
        var schedule = Self.schedule()
        #expect(schedule.delay(after: .rateLimited(retryAfter: .seconds(30))) == .seconds(30))
        #expect(schedule.delay(after: .rateLimited(retryAfter: .seconds(3))) == .seconds(12))
        var fresh = Self.schedule()
        #expect(fresh.delay(after: .rateLimited(retryAfter: nil)) == .seconds(1), "no Retry-After: back off")
    }

    @Test func retryAfterReadsSecondsAndHTTPDates() {
        let now = EventTime(year: 1994, month: 11, day: 6, hour: 8, minute: 49, second: 30)!
        #expect(RetryAfter.wait("7", now: now) == .seconds(7))
        #expect(RetryAfter.wait(" 0 ", now: now) == .zero)
        #expect(RetryAfter.wait("Sun, 06 Nov 1994 08:49:37 GMT", now: now) == .seconds(7))
        #expect(RetryAfter.wait("Sun, 06 Nov 1994 08:49:00 GMT", now: now) == .zero, "a past date: retry now")
        #expect(RetryAfter.wait("-3", now: now) == nil)
        #expect(RetryAfter.wait("soon", now: now) == nil)
        #expect(RetryAfter.wait(nil, now: now) == nil)
    }

    @Test func configurationNamesTheBadParameter() throws {
        func parameter(_ make: () throws(ConfigurationError) -> PollerSource.Configuration) -> String? {
            do {
                _ = try make()
                return nil
            } catch {
                return error.parameter
            }
        }
        #expect(parameter { () throws(ConfigurationError) in try .init(url: "ftp://host/x") } == "url")
        #expect(parameter { () throws(ConfigurationError) in try .init(url: "http:///x") } == "url")
        #expect(parameter { () throws(ConfigurationError) in try .init(url: "http://h/x", interval: .seconds(-1)) } == "interval")
        #expect(parameter { () throws(ConfigurationError) in
            try .init(url: "http://h/x", backoff: Backoff(initial: .seconds(10), maximum: .seconds(1)))
        } == "backoff.maximum")
        #expect(parameter { () throws(ConfigurationError) in try .init(url: "http://h/x", deduplicationCapacity: 0) } == "deduplicationCapacity")
        #expect(parameter { () throws(ConfigurationError) in try .init(url: "http://h/x?key=secret") } == nil)
        #expect(try PollerSource.Configuration(url: "http://h:81/x?key=secret").redactedURL == "http://h:81/x")
        #expect(try PollerSource.Configuration(url: "http://h/x").interval == .seconds(12), "about 5 calls a minute")
    }
}
