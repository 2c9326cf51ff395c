import FraudCore
import FraudData
import FraudSimulator

/// Simulating payments: in memory, and written to a fraudTest-format CSV file (target ≥ 200k rows/s).
enum SimulatorBench: Benchmark {
    static let name = "simulator"

    static func run(_ context: BenchContext) async throws -> [BenchResult] {
        let rows = 1_000_000
        let configuration = try SimulatorConfiguration(seed: 7)
        var generated = 0.0
        let memorySeconds = BenchContext.time {
            var simulator = PaymentSimulator(configuration: configuration)
            for _ in 0..<rows { generated += simulator.next().amount }
        }
        let path = context.workDirectory + "/simulated.csv"
        let fileSeconds = try BenchContext.time {
            var simulator = PaymentSimulator(configuration: configuration)
            let writer = try TransactionCSVWriter(path: path)
            for _ in 0..<rows { try writer.write(simulator.next()) }
            try writer.flush()
        }
        precondition(generated > 0)
        var api = PaymentSimulator(configuration: configuration)
        let payments = api.nextBatch(count: 10_000)
        var body = ""
        let encodeSeconds = BenchContext.time { body = CurrentTransactionsFormat.encode(payments) }
        var decoded = 0
        let decodeSeconds = try BenchContext.time { decoded = try CurrentTransactionsFormat.decode(body).transactions.count }
        precondition(decoded == payments.count)
        return [
            BenchResult(name: "API body encode (10k rows)", value: Double(payments.count) / encodeSeconds, unit: "rows/s"),
            BenchResult(name: "API body decode (10k rows)", value: Double(payments.count) / decodeSeconds, unit: "rows/s"),
            BenchResult(name: "simulate 1M rows (in memory)", value: Double(rows) / memorySeconds, unit: "rows/s"),
            BenchResult(name: "simulate 1M rows to CSV file", value: Double(rows) / fileSeconds, unit: "rows/s", target: "≥ 200,000"),
        ]
    }
}
