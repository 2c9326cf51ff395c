#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How numerical samples are cut into bins before Jensen–Shannon or PSI.
package enum DriftBinning: Sendable, Hashable, Codable {
    /// Evidently's `get_binned_data`: when the reference has more than 20 distinct values,
    /// equal-width bins over the combined range, their number by Sturges' rule
    /// (`np.histogram_bin_edges(combined, "sturges")`); otherwise one bin per distinct value.
    case evidently
    /// Classic PSI: bins bounded by the reference's quantiles at i/count (linear interpolation,
    /// duplicates merged), open-ended at both sides so current values outside the reference range count.
    case referenceQuantiles(count: Int)
}

/// Binned shares of two numerical samples, as Evidently computes them.
package enum Binning {
    /// Reference and current shares per bin.
    package static func shares(
        reference: [Double], current: [Double], binning: DriftBinning
    ) -> (reference: [Double], current: [Double]) {
        switch binning {
        case .evidently:
            guard Set(reference).count > 20 else { return CategoryCounts(reference: reference, current: current).shares }
            let edges = sturgesEdges(reference + current)
            return (histogram(reference, edges: edges).map { Double($0) / Double(reference.count) },
                    histogram(current, edges: edges).map { Double($0) / Double(current.count) })
        case .referenceQuantiles(let count):
            let inner = quantileEdges(reference, count: count)
            return (openHistogram(reference, innerEdges: inner).map { Double($0) / Double(reference.count) },
                    openHistogram(current, innerEdges: inner).map { Double($0) / Double(current.count) })
        }
    }

    /// Bin edges as `np.histogram_bin_edges(values, bins="sturges")`: width ptp/(log₂n + 1),
    /// count ⌈range/width⌉, edges `start + i·step` with the last one set to the maximum.
    package static func sturgesEdges(_ values: [Double]) -> [Double] {
        var low = values.min()!
        var high = values.max()!
        let width = (high - low) / (log2(Double(values.count)) + 1)
        if low == high {
            low -= 0.5
            high += 0.5
        }
        let count = width > 0 ? max(1, Int(((high - low) / width).rounded(.up))) : 1
        let step = (high - low) / Double(count)
        var edges = (0...count).map { Double($0) * step + low }
        edges[count] = high
        return edges
    }

    /// Counts per bin as `np.histogram(values, edges)`: [eᵢ, eᵢ₊₁), the last bin closed; values
    /// outside the edges are not counted.
    package static func histogram(_ values: [Double], edges: [Double]) -> [Int] {
        let bins = edges.count - 1
        var counts = [Int](repeating: 0, count: bins)
        guard let first = edges.first, let last = edges.last else { return counts }
        for value in values where value >= first && value <= last {
            counts[value == last ? bins - 1 : upperBound(edges, value) - 1] += 1
        }
        return counts
    }

    /// Counts per bin for open-ended bins split at `innerEdges` (x < e₀, e₀ ≤ x < e₁, …, x ≥ eₖ).
    package static func openHistogram(_ values: [Double], innerEdges: [Double]) -> [Int] {
        var counts = [Int](repeating: 0, count: innerEdges.count + 1)
        for value in values { counts[upperBound(innerEdges, value)] += 1 }
        return counts
    }

    /// The distinct reference quantiles at 1/count … (count−1)/count (NumPy's linear method).
    package static func quantileEdges(_ values: [Double], count: Int) -> [Double] {
        let sorted = values.sorted()
        var edges: [Double] = []
        for i in 1..<max(count, 1) {
            let position = Double(i) / Double(count) * Double(sorted.count - 1)
            let below = Int(position.rounded(.down))
            let above = min(below + 1, sorted.count - 1)
            let edge = sorted[below] + (sorted[above] - sorted[below]) * (position - Double(below))
            if edges.last != edge { edges.append(edge) }
        }
        return edges
    }

    /// Evidently's `feel_zeroes` for PSI: empty bins get the smallest non-zero share / 10⁶ when that
    /// share is ≤ 0.0001, else 0.0001, so the logarithm stays finite.
    package static func fillingZeroes(_ shares: [Double]) -> [Double] {
        guard let smallest = shares.filter({ $0 != 0 }).min() else { return shares }
        let fill = smallest <= 0.0001 ? smallest / 1e6 : 0.0001
        return shares.map { $0 == 0 ? fill : $0 }
    }

    /// Index of the first element greater than `value` in a sorted array.
    private static func upperBound(_ sorted: [Double], _ value: Double) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] <= value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
