import FraudCore

/// The report as JSON text with keys in the contracted order (Foundation's `JSONEncoder` on Linux
/// does not keep key order): `{"dataset_drift", "drift_share", "features": [{"name", "test",
/// "score", "threshold", "drifted", …extra}], …extra}`. Non-finite numbers are written as null.
extension DriftReport {
    /// One JSON object on one line.
    package var jsonText: String {
        var out = "{\"dataset_drift\":\(datasetDrift),\"drift_share\":\(JSONText.number(driftShare)),\"features\":["
        for (index, feature) in features.enumerated() {
            if index > 0 { out += "," }
            out += feature.jsonText
        }
        out += "],\"drift_share_threshold\":\(JSONText.number(driftShareThreshold))"
        out += ",\"reference_rows\":\(referenceRows),\"current_rows\":\(currentRows)}"
        return out
    }
}

extension FeatureDrift {
    /// One feature as a JSON object, contracted keys first.
    package var jsonText: String {
        var out = "{\"name\":\(JSONWriter.quoted(name)),\"test\":\(JSONWriter.quoted(test.rawValue))"
        out += ",\"score\":\(JSONText.number(score)),\"threshold\":\(JSONText.number(threshold)),\"drifted\":\(drifted)"
        out += ",\"column_type\":\(JSONWriter.quoted(columnType.rawValue)),\"statistic\":\(statistic.map(JSONText.number) ?? "null")"
        out += ",\"reference_count\":\(referenceCount),\"current_count\":\(currentCount)"
        out += ",\"histogram\":{\"labels\":[\(histogram.labels.map(JSONWriter.quoted).joined(separator: ","))]"
        out += ",\"reference\":[\(histogram.reference.map(JSONText.number).joined(separator: ","))]"
        out += ",\"current\":[\(histogram.current.map(JSONText.number).joined(separator: ","))]}}"
        return out
    }
}

/// Minimal JSON scalars.
package enum JSONText {
    /// A number in Swift's shortest round-trip form, or null when not finite.
    package static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return value.description
    }
}
