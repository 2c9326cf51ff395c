/// The report as JSON text with keys in the contracted order (Foundation's `JSONEncoder` on Linux
/// does not keep key order): `{"dataset_drift", "drift_share", "features": [{"name", "test",
/// "score", "threshold", "drifted", …extra}], …extra}`. Non-finite numbers are written as null.
extension DriftReport {
    /// One JSON object on one line.
    public var jsonText: String {
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
    public var jsonText: String {
        var out = "{\"name\":\(JSONText.string(name)),\"test\":\(JSONText.string(test.rawValue))"
        out += ",\"score\":\(JSONText.number(score)),\"threshold\":\(JSONText.number(threshold)),\"drifted\":\(drifted)"
        out += ",\"column_type\":\(JSONText.string(columnType.rawValue)),\"statistic\":\(statistic.map(JSONText.number) ?? "null")"
        out += ",\"reference_count\":\(referenceCount),\"current_count\":\(currentCount)"
        out += ",\"histogram\":{\"labels\":[\(histogram.labels.map(JSONText.string).joined(separator: ","))]"
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

    /// A quoted string with JSON escapes.
    package static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
