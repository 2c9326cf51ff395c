import Foundation
import FraudCore
import FraudData
import FraudSimulator

/// Simulated payments for tests: small, deterministic, in memory or as a temporary CSV file.
package enum SimulatedData {
    /// The first `rows` payments of the simulator for these settings (200 cards by default, so
    /// per-card history builds up quickly in small fixtures).
    package static func transactions(
        rows: Int, seed: UInt64 = 1, cards: Int = 200, fraudRate: Double = 0.004,
        start: EventTime = SimulatorConfiguration.defaultStart, drift: [DriftScenario] = []
    ) -> [Transaction] {
        var simulator = simulator(seed: seed, cards: cards, fraudRate: fraudRate, start: start, drift: drift)
        return simulator.nextBatch(count: rows)
    }

    /// A simulator for these settings.
    /// - Precondition: the settings are valid (tests pass literals).
    package static func simulator(
        seed: UInt64 = 1, cards: Int = 200, fraudRate: Double = 0.004,
        start: EventTime = SimulatorConfiguration.defaultStart, drift: [DriftScenario] = []
    ) -> PaymentSimulator {
        do {
            return try PaymentSimulator(seed: seed, start: start, cards: cards, fraudRate: fraudRate, drift: drift)
        } catch {
            preconditionFailure("invalid simulator settings in a test: \(error)")
        }
    }

    /// Writes `transactions` as a fraudTest-format CSV into a new temporary file and returns its path.
    package static func writeCSV(_ transactions: [Transaction], name: String = "simulated") throws -> String {
        let path = temporaryPath(name: name, extension: "csv")
        let writer = try TransactionCSVWriter(path: path)
        try writer.write(contentsOf: transactions)
        try writer.flush()
        return path
    }

    /// Simulates `rows` payments straight into a temporary CSV file and returns its path.
    package static func csvFile(rows: Int, seed: UInt64 = 1, cards: Int = 200, fraudRate: Double = 0.004) throws -> String {
        try writeCSV(transactions(rows: rows, seed: seed, cards: cards, fraudRate: fraudRate), name: "simulated-\(seed)-\(rows)")
    }

    /// A fresh path in the temporary directory (the file is not created).
    package static func temporaryPath(name: String, extension fileExtension: String) -> String {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("fraud-\(name)-\(UUID().uuidString).\(fileExtension)").path
    }
}
