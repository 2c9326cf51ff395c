import ArgumentParser
import FraudCore
import FraudSimulator
import FraudSimulatorServer

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `fraud simulate serve`: the "current transactions" API over HTTP, fed by the simulator.
struct SimulateServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve GET /current-transactions (?n=ROWS) in the real-time payments API format."
    )

    @Option(name: .long, help: "Address to bind.")
    var host: String = "127.0.0.1"

    @Option(name: .long, help: "Port to listen on (0 picks a free one).")
    var port: Int = 8000

    @Option(name: .long, help: "First event time, YYYY-MM-DD or 'YYYY-MM-DD HH:MM:SS' (UTC); default: now.")
    var start: String?

    @Option(
        name: [.customLong("max-calls-per-minute"), .customLong("rate")],
        help: "Calls answered per minute before HTTP 429 with Retry-After (0 = unlimited; the public API allows about 5).")
    var rate: Int = 0

    @Option(name: .customLong("repeat-rows"), help: "Rows of the previous answer repeated in each answer (duplicates, as a live API sends).")
    var repeatRows: Int = 0

    @OptionGroup var options: SimulatorOptions

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be in 0...65535, got \(port)") }
        guard rate >= 0 else { throw ValidationError("--max-calls-per-minute must be 0 (unlimited) or more, got \(rate)") }
        guard repeatRows >= 0 else { throw ValidationError("--repeat-rows must be 0 or more, got \(repeatRows)") }
        if let start, EventTime(start) == nil { throw ValidationError("--start: '\(start)' is not YYYY-MM-DD or YYYY-MM-DD HH:MM:SS") }
    }

    func run() async throws {
        let startTime = start.flatMap { EventTime($0) } ?? Self.now
        let simulator = PaymentSimulator(configuration: try options.configuration(start: startTime))
        let server = SimulatorServer(
            simulator: simulator, configuration: .init(host: host, port: port, callsPerMinute: rate, repeatedRows: repeatRows))
        let host = self.host
        try await server.run { port in
            printError("serving http://\(host):\(port)/current-transactions (seed \(simulator.configuration.seed), from \(startTime.iso))")
        }
    }

    /// The wall-clock time, whole seconds.
    private static var now: EventTime {
        EventTime(secondsSinceEpoch: Int64(time(nil)))
    }
}
