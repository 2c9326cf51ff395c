/// Reference and current shares over common bins, for plotting one feature.
package struct DriftHistogram: Sendable, Hashable, Codable {
    /// Bin labels: "[low, high)" ranges for numbers, category names for labels (most frequent first).
    package var labels: [String]
    /// Share of the reference in each bin.
    package var reference: [Double]
    /// Share of the current sample in each bin.
    package var current: [Double]

    /// Equal-width bins over the central 99 % of the combined values (so one extreme value does not
    /// squash every bar into the first bin), plus "below"/"above" bins when values fall outside.
    static func numerical(reference: [Double], current: [Double], sortedCombined combined: [Double], bins: Int) -> DriftHistogram {
        func quantile(_ q: Double) -> Double { combined[Int((q * Double(combined.count - 1)).rounded())] }
        var low = quantile(0.005)
        var high = quantile(0.995)
        if high <= low {
            low = combined.first!
            high = combined.last!
        }
        let count = high > low ? bins : 1
        let step = high > low ? (high - low) / Double(count) : 1
        var edges = (0...count).map { low + Double($0) * step }
        edges[count] = high > low ? high : low + 1
        let last = edges[count]
        let hasBelow = combined.first! < low
        let hasAbove = combined.last! > last
        func shares(_ values: [Double]) -> [Double] {
            let total = Double(values.count)
            var result = Binning.histogram(values, edges: edges).map { Double($0) / total }
            if hasBelow { result.insert(Double(values.lazy.filter { $0 < low }.count) / total, at: 0) }
            if hasAbove { result.append(Double(values.lazy.filter { $0 > last }.count) / total) }
            return result
        }
        var labels = (0..<count).map { "[\(DriftNumber.text(edges[$0])), \(DriftNumber.text(edges[$0 + 1])))" }
        if hasBelow { labels.insert("< \(DriftNumber.text(low))", at: 0) }
        if hasAbove { labels.append("> \(DriftNumber.text(last))") }
        return DriftHistogram(labels: labels, reference: shares(reference), current: shares(current))
    }

    /// The most frequent categories (reference and current together), the rest pooled as "other".
    static func categorical<Value: Hashable>(reference: [Value], current: [Value], maxBars: Int, label: (Value) -> String) -> DriftHistogram {
        let counts = CategoryCounts(reference: reference, current: current)
        let order = counts.categories.indices.sorted {
            let left = counts.reference[$0] + counts.current[$0]
            let right = counts.reference[$1] + counts.current[$1]
            return left != right ? left > right : label(counts.categories[$0]) < label(counts.categories[$1])
        }
        let shown = order.prefix(order.count > maxBars ? maxBars - 1 : maxBars)
        var labels = shown.map { label(counts.categories[$0]) }
        var referenceShares = shown.map { Double(counts.reference[$0]) / Double(reference.count) }
        var currentShares = shown.map { Double(counts.current[$0]) / Double(current.count) }
        if shown.count < order.count {
            labels.append("other")
            referenceShares.append(max(0, 1 - referenceShares.reduce(0, +)))
            currentShares.append(max(0, 1 - currentShares.reduce(0, +)))
        }
        return DriftHistogram(labels: labels, reference: referenceShares, current: currentShares)
    }
}

/// Short, locale-free number text for labels and HTML (Foundation's formatters are slow on Linux).
package enum DriftNumber {
    /// Up to 4 significant decimals, no exponent for ordinary magnitudes.
    package static func text(_ value: Double) -> String {
        guard value.isFinite else { return value.description }
        if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
        let magnitude = abs(value)
        let decimals = magnitude >= 100 ? 1 : magnitude >= 1 ? 3 : 4
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        if magnitude < 1e-4 { return value.description }
        return rounded.description
    }
}
