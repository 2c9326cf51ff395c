import ArgumentParser
import FraudCore
import FraudData
import FraudSimulator

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `fraud simulate`: generate payments (the default) or serve them over HTTP.
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Simulate realistic card payments with fraud episodes: write a fraudTest-format CSV, or serve the current-transactions API.",
        subcommands: [SimulateGenerateCommand.self, SimulateServeCommand.self],
        defaultSubcommand: SimulateGenerateCommand.self
    )
}

/// The options that shape the simulated stream, shared by `generate` and `serve`.
struct SimulatorOptions: ParsableArguments {
    @Option(name: .long, help: "Seed of the pseudo-random generator: the same seed gives the same rows.")
    var seed: UInt64 = 7

    @Option(name: .long, help: "Number of cards (holders).")
    var cards: Int = 1000

    @Option(name: .customLong("fraud-rate"), help: "Target share of fraudulent payments.")
    var fraudRate: Double = 0.004

    @Option(name: .long, help: "SCENARIO@DATE: amount-shift, category-mix or new-fraud-pattern from DATE (YYYY-MM-DD); repeatable.")
    var drift: [String] = []

    /// The validated configuration, starting at `start`.
    func configuration(start: EventTime) throws -> SimulatorConfiguration {
        do {
            return try SimulatorConfiguration(
                seed: seed, start: start, cards: cards, fraudRate: fraudRate, drift: drift.map(DriftScenario.init(parsing:)))
        } catch let error as ConfigurationError {
            throw ValidationError(error.description)
        }
    }
}

/// `fraud simulate [generate]`: write simulated payments as a fraudTest-format CSV.
struct SimulateGenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write simulated payments in the fraudTest CSV format (the default subcommand)."
    )

    @Option(name: .long, help: "Number of payments to write.")
    var rows: Int

    @Option(name: .long, help: "First event time, YYYY-MM-DD or 'YYYY-MM-DD HH:MM:SS' (UTC).")
    var start: String = SimulatorConfiguration.defaultStart.iso

    @OptionGroup var options: SimulatorOptions

    @Option(name: .long, help: "Output CSV file; - writes to standard output.")
    var out: String

    @Flag(name: .long, help: "Print the summary as one JSON object on standard output (needs --out FILE).")
    var json = false

    func validate() throws {
        guard !(json && out == "-") else { throw ValidationError("--json prints to standard output, so --out must be a file, not -") }
        guard rows >= 0 else { throw ValidationError("--rows must be 0 or more, got \(rows)") }
        guard EventTime(start) != nil else { throw ValidationError("--start: '\(start)' is not YYYY-MM-DD or YYYY-MM-DD HH:MM:SS") }
    }

    func run() throws {
        let configuration = try options.configuration(start: EventTime(start)!)
        let started = MonotonicClock.now
        var simulator = PaymentSimulator(configuration: configuration)
        let writer = try TransactionCSVWriter(path: out)
        for _ in 0..<rows { try writer.write(simulator.next()) }
        try writer.flush()
        let seconds = MonotonicClock.seconds(since: started)
        let rate = Int(Double(rows) / max(seconds, 1e-9))
        if json {
            printJSON(SimulateReport(rows: rows, frauds: Int(simulator.fraudsGenerated), seconds: seconds, rowsPerSecond: rate, out: out))
            return
        }
        printError("simulated \(rows) rows, \(simulator.fraudsGenerated) frauds (\(Percent(Double(simulator.fraudsGenerated) / Double(max(rows, 1))))) in \(Fixed(seconds, digits: 2)) s (\(rate) rows/s) to \(out)")
    }
}

private struct SimulateReport: Encodable {
    var rows: Int
    var frauds: Int
    var seconds: Double
    var rowsPerSecond: Int
    var out: String
}

/// Writes one line to standard error.
func printError(_ line: String) {
    let bytes = Array((line + "\n").utf8)
    _ = bytes.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress!, $0.count) }
}
