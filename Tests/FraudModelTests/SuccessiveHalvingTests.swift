import FraudModel
import Testing

@Suite(.serialized) struct SuccessiveHalvingTests {
    @Test func budgetsGrowByEtaUpToTheMaximum() throws {
        #expect(try SuccessiveHalving(candidates: 9, eta: 3, maxRounds: 90).budgets == [10, 30, 90])
        #expect(try SuccessiveHalving(candidates: 27, eta: 3, maxRounds: 300).budgets == [11, 33, 100, 300])
        #expect(try SuccessiveHalving(candidates: 4, eta: 2, maxRounds: 2).budgets == [1, 2])
        #expect(throws: ModelError.self) { try SuccessiveHalving(candidates: 9, eta: 1) }
        #expect(throws: ModelError.self) { try SuccessiveHalving(candidates: 1) }
    }

    @Test func bestThirdOfEachRungGoesOnWithThreeTimesTheRounds() throws {
        let search = try SuccessiveHalving(candidates: 6, eta: 3, seed: 7, validationFraction: 0.25, maxRounds: 24, threads: 1)
        var recorded: [TuningTrial] = []
        let ranked = try search.run(ModelFixtures.features) { recorded.append($0) }

        // Every evaluation is recorded: 6 at rung 0 (8 rounds), the best 2 at rung 1 (24 rounds).
        #expect(recorded.map(\.rung) == Array(repeating: 0, count: 6) + [1, 1])
        #expect(recorded.prefix(6).allSatisfy { $0.parameters.rounds == 8 && $0.rounds <= 8 })
        #expect(recorded.suffix(2).allSatisfy { $0.parameters.rounds == 24 })
        #expect(Set(recorded.prefix(6).map(\.trial)) == Set(0..<6))
        let firstRung = recorded.prefix(6).sorted { $0.validationPRAUC > $1.validationPRAUC }
        #expect(Set(recorded.suffix(2).map(\.trial)) == Set(firstRung.prefix(2).map(\.trial)))
        // A survivor keeps its configuration, only the budget changes.
        for survivor in recorded.suffix(2) {
            let earlier = recorded.first { $0.trial == survivor.trial && $0.rung == 0 }!
            #expect(earlier.parameters.maxDepth == survivor.parameters.maxDepth)
            #expect(earlier.parameters.learningRate == survivor.parameters.learningRate)
        }
        // Best first: the last rung leads.
        #expect(ranked.count == 8)
        #expect(ranked[0].rung == 1 && ranked[0].validationPRAUC >= ranked[1].validationPRAUC)
        #expect(ranked[0].validationPRAUC > 0.5)
    }
}
