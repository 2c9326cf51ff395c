import FraudCore
import Foundation

/// The `reasons` column: `[{"feature":..,"value":..,"contribution":..}, ...]`, written by hand because it is on the
/// write hot path (JSONEncoder costs more than the rest of a row), read back with JSONDecoder.
package enum ReasonsJSON {
    package static func encode(_ reasons: [FeatureContribution]) -> String {
        guard !reasons.isEmpty else { return "[]" }
        var text = "["
        for (index, reason) in reasons.enumerated() {
            if index > 0 { text += "," }
            text += "{\"feature\":"
            appendQuoted(reason.feature, to: &text)
            text += ",\"value\":" + number(reason.value) + ",\"contribution\":" + number(reason.contribution) + "}"
        }
        return text + "]"
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
    private static func number(_ value: Double) -> String {
        value.isFinite ? value.description : "0"
    }

    private static func appendQuoted(_ string: String, to text: inout String) {
        text += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        text += "\""
    }
}
