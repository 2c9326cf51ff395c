import FraudCore
import Foundation

/// The `alerts.deliveries` column: `[{"channel":..,"status":..,"attempts":..,"detail":..,"finished_at":ms}, ...]`
/// (the key is the row's `trans_num`, not repeated).
package enum DeliveriesJSON {
    private struct Entry: Codable {
        var channel: String
        var status: String
        var attempts: Int
        var detail: String?
        var finishedAt: Int64

        enum CodingKeys: String, CodingKey {
            case channel, status, attempts, detail
            case finishedAt = "finished_at"
        }
    }

    package static func encode(_ outcomes: [AlertDeliveryOutcome]) -> String {
        guard !outcomes.isEmpty else { return "[]" }
        var text = "["
        for (index, outcome) in outcomes.enumerated() {
            if index > 0 { text += "," }
            text += "{\"channel\":" + JSONWriter.quoted(outcome.channel)
            text += ",\"status\":" + JSONWriter.quoted(outcome.status.rawValue)
            text += ",\"attempts\":" + String(outcome.attempts)
            text += ",\"detail\":" + (outcome.detail.map { JSONWriter.quoted($0) } ?? "null")
            text += ",\"finished_at\":" + String(outcome.finishedAt.millisecondsSinceEpoch) + "}"
        }
        return text + "]"
    }

    /// - Throws: `StoreError.corruptValue` naming the column.
    package static func decode(_ text: String, key: String) throws -> [AlertDeliveryOutcome] {
        if text == "[]" { return [] }
        do {
            return try JSONDecoder().decode([Entry].self, from: Data(text.utf8)).map { entry in
                guard let status = AlertDeliveryOutcome.Status(rawValue: entry.status) else {
                    throw StoreError(.corruptValue(column: "deliveries", value: entry.status))
                }
                return AlertDeliveryOutcome(
                    key: key, channel: entry.channel, status: status, attempts: entry.attempts, detail: entry.detail,
                    finishedAt: EventTime(millisecondsSinceEpoch: entry.finishedAt))
            }
        } catch {
            throw StoreError(.corruptValue(column: "deliveries", value: String(text.prefix(80))))
        }
    }
}
