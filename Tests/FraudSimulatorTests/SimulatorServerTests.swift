import FraudCore
import FraudSimulator
import FraudSimulatorServer
import FraudTesting
import HummingbirdTesting
import Testing

@Suite struct SimulatorServerTests {
    @Test func servesTheNextPaymentsInTheAPIFormatOverHTTP() async throws {
        let server = SimulatorServer(simulator: SimulatedData.simulator(seed: 5))
        let expected = SimulatedData.transactions(rows: 6, seed: 5)
        // `.live` runs the real server on 127.0.0.1, an ephemeral port, and a real HTTP client.
        try await server.application().test(.live) { client in
            let one = try await client.execute(uri: "/current-transactions", method: .get)
            #expect(one.status == .ok)
            #expect(one.headers[.contentType] == "application/json")
            let first = try CurrentTransactionsFormat.decode(Array(one.body.readableBytesView))
            #expect(first.quarantined.isEmpty)
            #expect(first.transactions.map(Self.withoutUnixTime) == [Self.withoutUnixTime(expected[0])])

            let five = try await client.execute(uri: "/current-transactions?n=5", method: .get)
            let rest = try CurrentTransactionsFormat.decode(Array(five.body.readableBytesView))
            #expect(rest.transactions.map(Self.withoutUnixTime) == expected[1...].map(Self.withoutUnixTime))
        }
    }

    @Test func rejectsABadRowCountWithProblemDetails() async throws {
        let server = SimulatorServer(simulator: SimulatedData.simulator(seed: 5))
        try await server.application().test(.live) { client in
            let response = try await client.execute(uri: "/current-transactions?n=zero", method: .get)
            #expect(response.status == .badRequest)
            #expect(response.headers[.contentType] == "application/problem+json")
            #expect(String(buffer: response.body).contains("'n'"))
        }
    }

    @Test func limitsCallsPerMinuteLikeThePublicAPI() async throws {
        let server = SimulatorServer(simulator: SimulatedData.simulator(seed: 5), configuration: .init(callsPerMinute: 2))
        try await server.application().test(.live) { client in
            for _ in 0..<2 {
                #expect(try await client.execute(uri: "/current-transactions", method: .get).status == .ok)
            }
            let limited = try await client.execute(uri: "/current-transactions", method: .get)
            #expect(limited.status == .tooManyRequests)
            #expect(limited.headers[.retryAfter] != nil)
        }
    }

    /// The API carries no `unix_time`; everything else must survive the trip.
    static func withoutUnixTime(_ transaction: Transaction) -> Transaction {
        var copy = transaction
        copy.unixTime = nil
        return copy
    }
}
