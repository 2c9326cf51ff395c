import ArgumentParser
import Foundation
import FraudCore
import FraudKafka

/// `--bus URL`, shared by every command that reads or writes topics (flag, then `FRAUD_BUS`, then `embedded:./fraud-bus`).
struct BusOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The bus: embedded:PATH or kafka://host:port[,host:port] (default: $FRAUD_BUS, else embedded:./fraud-bus).",
        valueName: "url"))
    var bus: String?

    /// Opens the bus; a bad URL is a usage error naming the bad part.
    func open() throws -> any Bus {
        let environment = ProcessInfo.processInfo.environment.filter { !$0.value.isEmpty }
        do {
            return try BusFactory.open(url: bus, environment: environment)
        } catch let error as BusError {
            throw ValidationError("--bus: \(error)")
        }
    }
}
