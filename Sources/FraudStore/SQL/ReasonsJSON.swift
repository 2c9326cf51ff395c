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
            text += JSONWriter.quoted(reason.feature)
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
}
