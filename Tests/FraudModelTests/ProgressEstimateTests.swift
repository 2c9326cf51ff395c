import FraudModel
import Testing

/// The percentage and time left printed by training and tuning, on a clock the test moves.
@Suite("progress estimate")
struct ProgressEstimateTests {
    /// A clock that only moves when told.
    final class ManualClock: @unchecked Sendable {
        var instant = ContinuousClock.now
    }

    @Test func percentageAndTimeLeftAtThePaceSoFar() {
        let clock = ManualClock()
        let estimate = ProgressEstimate { clock.instant }
        #expect(estimate.text(done: 0, total: 400) == "0 %", "no pace yet, no estimate")
        clock.instant += .seconds(10)
        #expect(estimate.text(done: 100, total: 400) == "25 %, about 30 s left")
        clock.instant += .seconds(50)
        #expect(estimate.text(done: 200, total: 400) == "50 %, about 1 min 0 s left")
        #expect(estimate.text(done: 3, total: 400) == "0 %, about 2 h 12 min left")
        #expect(estimate.text(done: 400, total: 400) == "100 %")
        #expect(estimate.text(done: 0, total: 0) == "100 %")
    }
}
