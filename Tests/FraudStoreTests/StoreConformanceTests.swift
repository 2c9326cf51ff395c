import Foundation
import FraudCore
import FraudStore
import FraudTesting
import Testing

/// The one conformance suite, run against both backends.
@Suite struct StoreConformanceTests {
    @Test(arguments: StoreConformance.Check.allCases)
    func sqlite(_ check: StoreConformance.Check) async throws {
        try await StoreConformance(makeDatabase: TestDatabases.sqlite).run(check)
    }

    @Test(arguments: StoreConformance.Check.allCases)
    func postgres(_ check: StoreConformance.Check) async throws {
        guard let makeDatabase = TestDatabases.postgres() else { return }
        try await StoreConformance(makeDatabase: makeDatabase).run(check)
    }
}
