/// Renders results as a Markdown table (pasted as-is into the README).
struct BenchTable {
    var results: [BenchResult]

    var rendered: String {
        var lines = ["| measurement | this project | reference (same run) | ratio | target |", "|---|---|---|---|---|"]
        for result in results {
            let reference = result.referenceValue.map { "\(Self.format($0)) \(result.unit) (\(result.referenceName ?? ""))" } ?? "-"
            let ratio = result.ratio.map { Self.format($0) + "×" } ?? "-"
            lines.append("| \(result.name) | \(Self.format(result.value)) \(result.unit) | \(reference) | \(ratio) | \(result.target ?? "-") |")
        }
        return lines.joined(separator: "\n")
    }

    /// Three significant figures, with thousands separators for large values.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "n/a" }
        if abs(value) >= 1000 {
            let digits = String(Int64(value.rounded()))
            var grouped = ""
            for (offset, character) in digits.reversed().enumerated() {
                if offset > 0 && offset % 3 == 0 && character != "-" { grouped.append(",") }
                grouped.append(character)
            }
            return String(grouped.reversed())
        }
        let magnitude = abs(value) >= 100 ? 1.0 : abs(value) >= 10 ? 10.0 : abs(value) >= 1 ? 100.0 : 1000.0
        return ((value * magnitude).rounded() / magnitude).description
    }
}
