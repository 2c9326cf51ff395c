import Foundation
import FraudCore

/// Prints a value as one JSON object on standard output (the `--json` contract).
func printJSON(_ value: some Encodable) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
    print(String(decoding: data, as: UTF8.self))
}

/// A share shown as a percentage with two decimals.
struct Percent: CustomStringConvertible {
    var value: Double
    init(_ value: Double) { self.value = value }
    var description: String { Fixed(value * 100, digits: 2).description + " %" }
}

/// A number with a fixed count of decimals (Foundation's `String(format:)` is slow on Linux).
struct Fixed: CustomStringConvertible {
    var value: Double
    var digits: Int
    init(_ value: Double, digits: Int) {
        self.value = value
        self.digits = digits
    }
    var description: String {
        guard value.isFinite else { return value.description }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let whole = Int64(scaled / scale)
        let fraction = Int64(scaled) - whole * Int64(scale)
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard digits > 0 else { return sign + String(whole) }
        return sign + String(whole) + "." + DecimalDigits.padded(Int(fraction), digits)
    }
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
