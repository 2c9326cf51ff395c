import FraudCore
import FraudData
import Foundation

/// The bench rows as CSV in `transactions` column order, for `psql \copy` and the Python reference
/// (text always quoted, so an empty string stays distinct from NULL, which is an empty unquoted field).
enum StoreBenchCSV {
    static let columns = [
        "trans_num", "row_index", "event_time", "cc_num", "merchant", "category", "amt", "first", "last", "gender",
        "street", "city", "state", "zip", "lat", "long", "city_pop", "job", "dob", "unix_time", "merch_lat",
        "merch_long", "source_label", "prediction", "score", "threshold", "model_version", "reasons", "scored_at", "latency_ms",
    ]

    static func write(_ rows: [ScoredTransaction], to path: String) throws {
        var text = ""
        text.reserveCapacity(rows.count * 400)
        for row in rows {
            let t = row.transaction
            let fields: [String] = [
                quoted(t.transNum), t.rowIndex.map { String($0) } ?? "", String(t.eventTime.millisecondsSinceEpoch), String(t.ccNum),
                quoted(t.merchant), quoted(t.category), t.amount.description, quoted(t.firstName), quoted(t.lastName), quoted(t.gender),
                quoted(t.street), quoted(t.city), quoted(t.state), String(t.zip), t.latitude.description, t.longitude.description,
                String(t.cityPopulation), quoted(t.job), quoted(t.dateOfBirth.iso), t.unixTime.map { String($0) } ?? "",
                t.merchantLatitude.description, t.merchantLongitude.description, t.label.map { $0 ? "1" : "0" } ?? "",
                row.prediction ? "1" : "0", row.score.description, row.threshold.description, quoted(row.modelVersion),
                quoted(reasons(row.reasons)), String(row.scoredAt.millisecondsSinceEpoch), row.latencyMs.description,
            ]
            text += fields.joined(separator: ",")
            text += "\n"
        }
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            throw BenchError(message: "cannot write \(path)")
        }
    }

    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func reasons(_ reasons: [FeatureContribution]) -> String {
        "[" + reasons.map { "{\"feature\":\"\($0.feature)\",\"value\":\($0.value),\"contribution\":\($0.contribution)}" }.joined(separator: ",") + "]"
    }
}
