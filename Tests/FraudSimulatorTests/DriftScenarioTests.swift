import FraudCore
import FraudSimulator
import FraudTesting
import Testing

@Suite struct DriftScenarioTests {
    static let date = EventTime("2020-07-15")!
    static let rows = 60_000

    @Test func parsesScenarioAtDate() throws {
        let scenario = try DriftScenario(parsing: "category-mix@2020-09-01")
        #expect(scenario.kind == .categoryMix)
        #expect(scenario.start == EventTime("2020-09-01 00:00:00"))
        #expect(scenario.description == "category-mix@2020-09-01 00:00:00")
        #expect(throws: ConfigurationError.self) { try DriftScenario(parsing: "price-hike@2020-09-01") }
        #expect(throws: ConfigurationError.self) { try DriftScenario(parsing: "amount-shift@2020-13-01") }
        #expect(throws: ConfigurationError.self) { try DriftScenario(parsing: "amount-shift") }
    }

    @Test func amountShiftRaisesAmountsFromTheDateOnly() {
        let plain = SimulatedData.transactions(rows: Self.rows, seed: 21)
        let drifted = SimulatedData.transactions(rows: Self.rows, seed: 21, drift: [DriftScenario(kind: .amountShift, start: Self.date)])
        #expect(plain.contains { $0.eventTime >= Self.date })
        // Before the date nothing changes at all.
        #expect(plain.filter { $0.eventTime < Self.date } == drifted.filter { $0.eventTime < Self.date })
        let after = zip(plain, drifted).filter { $0.0.eventTime >= Self.date }
        let ratio = median(after.map(\.1.amount)) / median(after.map(\.0.amount))
        #expect(ratio > 1.4 && ratio < 1.6, "ratio \(ratio)")
    }

    @Test func categoryMixMovesSpendingOnlineFromTheDate() {
        let plain = SimulatedData.transactions(rows: Self.rows, seed: 22)
        let drifted = SimulatedData.transactions(rows: Self.rows, seed: 22, drift: [DriftScenario(kind: .categoryMix, start: Self.date)])
        func onlineShare(_ rows: [Transaction]) -> Double {
            Double(rows.filter { $0.category.hasSuffix("_net") }.count) / Double(rows.count)
        }
        let before = onlineShare(drifted.filter { $0.eventTime < Self.date })
        let after = onlineShare(drifted.filter { $0.eventTime >= Self.date })
        let baselineAfter = onlineShare(plain.filter { $0.eventTime >= Self.date })
        #expect(abs(before - onlineShare(plain.filter { $0.eventTime < Self.date })) < 0.01)
        #expect(after > 1.6 * baselineAfter, "online share \(after) vs \(baselineAfter)")
    }

    @Test func newFraudPatternChangesFraudFromTheDateOnly() {
        let drift = [DriftScenario(kind: .newFraudPattern, start: Self.date)]
        let plain = SimulatedData.transactions(rows: Self.rows, seed: 23, fraudRate: 0.02)
        let drifted = SimulatedData.transactions(rows: Self.rows, seed: 23, fraudRate: 0.02, drift: drift)
        #expect(plain.filter { $0.eventTime < Self.date } == drifted.filter { $0.eventTime < Self.date })
        let modern: Set = ["travel", "entertainment", "food_dining", "personal_care", "health_fitness"]
        func modernShare(_ rows: [Transaction]) -> Double {
            let frauds = rows.filter { $0.label == true }
            return Double(frauds.filter { modern.contains($0.category) }.count) / Double(max(frauds.count, 1))
        }
        // Episodes that began before the date run their course, so look a few days later.
        let settled = Self.date.adding(seconds: 5 * 86_400)
        #expect(modernShare(plain.filter { $0.eventTime >= settled }) < 0.1)
        #expect(modernShare(drifted.filter { $0.eventTime >= settled }) > 0.9)
    }

    private func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }
}
