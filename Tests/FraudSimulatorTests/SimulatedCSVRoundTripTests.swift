import FraudCore
import FraudData
import FraudTesting
import Foundation
import Testing

@Suite struct SimulatedCSVRoundTripTests {
    @Test func twentyThousandRowsReadBackIdentical() throws {
        let rows = SimulatedData.transactions(rows: 20_000, seed: 7, cards: 1000, fraudRate: 0.01)
        let path = try SimulatedData.writeCSV(rows, name: "round-trip")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reader = try TransactionCSVReader(path: path)
        let readBack = try reader.readAll()
        #expect(reader.quarantined.isEmpty)
        #expect(readBack.count == rows.count)
        #expect(readBack == rows)
        // The file exercises CSV quoting (merchants and jobs with commas).
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(",\"fraud_"))
    }
}
