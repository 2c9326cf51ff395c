import FraudCore
import Foundation

/// The `reasons` column: `[{"feature":..,"value":..,"contribution":..}, ...]`, written by hand because it is on the
/// write hot path (JSONEncoder costs more than the rest of a row), read back with JSONDecoder.
package enum ReasonsJSON {
    package static func encode(_ reasons: [FeatureContribution]) -> String {
        guard !reasons.isEmpty else { return "[]" }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(72 * reasons.count)
        append(reasons, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the JSON of `reasons` to `bytes` (bytes appended in place: building it by String concatenation cost
    /// ~2 µs per payment, perf of the COPY path).
    package static func append(_ reasons: [FeatureContribution], to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "["))
        for (index, reason) in reasons.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            append("{\"feature\":", &bytes)
            JSONWriter.appendQuoted(reason.feature, to: &bytes)
            append(",\"value\":", &bytes)
            number(reason.value, &bytes)
            append(",\"contribution\":", &bytes)
            number(reason.contribution, &bytes)
            bytes.append(UInt8(ascii: "}"))
        }
        bytes.append(UInt8(ascii: "]"))
    }

    package static func decode(_ text: String) throws -> [FeatureContribution] {
        if text == "[]" { return [] }
        do {
            return try JSONDecoder().decode([FeatureContribution].self, from: Data(text.utf8))
        } catch {
            throw StoreError(.corruptValue(column: "reasons", value: String(text.prefix(80))))
        }
    }

    /// JSON has no NaN or infinity: those are written as null-free sentinels 0.
    private static func number(_ value: Double, _ bytes: inout [UInt8]) {
        if value.isFinite { bytes.append(contentsOf: value.description.utf8) } else { bytes.append(UInt8(ascii: "0")) }
    }

    private static func append(_ text: StaticString, _ bytes: inout [UInt8]) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }
}
