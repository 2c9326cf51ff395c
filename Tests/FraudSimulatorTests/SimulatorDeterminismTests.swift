import FraudCore
import FraudSimulator
import FraudTesting
import Testing

@Suite struct SimulatorDeterminismTests {
    @Test func theSameSeedGivesTheSameRows() {
        let first = SimulatedData.transactions(rows: 3000, seed: 42)
        let second = SimulatedData.transactions(rows: 3000, seed: 42)
        #expect(first == second)
    }

    @Test func anotherSeedGivesOtherRows() {
        let first = SimulatedData.transactions(rows: 500, seed: 42)
        let second = SimulatedData.transactions(rows: 500, seed: 43)
        #expect(Set(first.map(\.ccNum)).isDisjoint(with: second.map(\.ccNum)))
        #expect(Set(first.map(\.transNum)).isDisjoint(with: second.map(\.transNum)))
    }

    @Test func batchesAndSinglePaymentsGiveTheSameStream() {
        var one = SimulatedData.simulator(seed: 9)
        var other = SimulatedData.simulator(seed: 9)
        let singles = (0..<1000).map { _ in one.next() }
        let batches = other.nextBatch(count: 400) + other.nextBatch(count: 600)
        #expect(singles == batches)
    }

    @Test func paymentsComeInEventTimeOrderFromTheStart() throws {
        let start = try #require(EventTime("2021-03-01 08:00:00"))
        let rows = SimulatedData.transactions(rows: 5000, seed: 3, start: start)
        #expect(rows.first!.eventTime >= start)
        #expect(zip(rows, rows.dropFirst()).allSatisfy { $0.eventTime <= $1.eventTime })
        #expect(rows.map(\.rowIndex) == (0..<5000).map { Int64($0) })
    }

    @Test func rowsLookLikeTheFraudTestData() {
        let rows = SimulatedData.transactions(rows: 20_000, seed: 5, cards: 1000)
        #expect(Set(rows.map(\.transNum)).count == rows.count)
        #expect(rows.allSatisfy { $0.transNum.utf8.count == 32 && $0.transNum.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) } })
        #expect(rows.allSatisfy { $0.merchant.hasPrefix("fraud_") })
        #expect(Set(rows.map(\.category)).count == 14)
        #expect(Set(rows.map(\.merchant)).count > 600)
        #expect(rows.contains { $0.merchant.contains(",") })
        #expect(rows.contains { $0.ccNum > 1_000_000_000_000_000_000 })  // 19-digit cards exist
        // unix_time is on the other epoch: event time minus 2,557 days, as in the Kaggle files.
        #expect(rows.allSatisfy { $0.unixTime == $0.eventTime.secondsSinceEpoch - 220_924_800 })
        #expect(rows.allSatisfy { abs($0.latitude - $0.merchantLatitude) <= 5 && $0.amount >= 1 })
        // Both genders, adults only.
        #expect(Set(rows.map(\.gender)) == ["F", "M"])
        #expect(rows.allSatisfy { $0.eventTime.date.year - $0.dateOfBirth.year >= 18 })
    }

    @Test func invalidSettingsNameTheParameter() {
        #expect(throws: ConfigurationError.self) { try PaymentSimulator(seed: 1, cards: 0) }
        do {
            _ = try PaymentSimulator(seed: 1, fraudRate: 0.9)
            Issue.record("a fraud rate of 0.9 was accepted")
        } catch let error as ConfigurationError {
            #expect(error.parameter == "fraudRate")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
