import Foundation
import FraudCore

/// Prints a value as one JSON object on standard output (the `--json` contract), keys sorted and in snake case.
func printJSON(_ value: some Encodable) {
    let data = (try? JSONEncoder.sortedSnakeCase().encode(value)) ?? Data("{}".utf8)
    print(String(decoding: data, as: UTF8.self))
}

/// A share shown as a percentage with two decimals.
struct Percent: CustomStringConvertible {
    var value: Double
    init(_ value: Double) { self.value = value }
    var description: String { Fixed(value * 100, digits: 2).description + " %" }
}

/// A monotonic clock for timing commands.
enum MonotonicClock {
    static var now: ContinuousClock.Instant { ContinuousClock.now }
    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return elapsed.inSeconds
    }
}

/// One quarantined row as printed in JSON.
struct QuarantineEntry: Encodable {
    var line: Int64
    var field: String?
    var reason: String

    init(_ record: QuarantinedRecord) {
        line = record.position
        field = record.field
        reason = record.reason
    }
}
