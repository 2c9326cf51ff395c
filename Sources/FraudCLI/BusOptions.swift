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

    /// The bus URL in effect, or nil for the default.
    var url: String? {
        bus ?? ProcessInfo.processInfo.environment["FRAUD_BUS"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Opens the bus; a bad URL is a usage error naming the bad part.
    func open() throws -> any Bus {
        do {
            return try BusFactory.open(try url.map(BusAddress.init(url:)) ?? .default)
        } catch let error as BusError {
            throw ValidationError("--bus: \(error)")
        }
    }
}
