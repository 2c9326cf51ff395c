/// The drift test of one feature.
package struct FeatureDrift: Sendable, Hashable {
    /// The feature's name, as the feature extractor (or the raw CSV column) names it.
    package var name: String
    /// The test used.
    package var test: StatTestName
    /// The drift score (p-value or distance, see `StatTestName.scoreIsPValue`).
    package var score: Double
    /// The threshold used.
    package var threshold: Double
    /// Whether the feature drifted.
    package var drifted: Bool
    /// How the column was treated.
    package var columnType: DriftColumnType
    /// The test statistic where defined (K-S D, χ², z).
    package var statistic: Double?
    /// Finite reference values tested.
    package var referenceCount: Int
    /// Finite current values tested.
    package var currentCount: Int
    /// Shares per bin for plotting.
    package var histogram: DriftHistogram

    init(name: String, reference: FeatureValues, current: FeatureValues, configuration: DriftReport.Configuration) throws {
        let reference = reference.finite
        let current = current.finite
        guard reference.count > 0 else { throw DriftReportError(column: name, problem: "has no finite values in the reference sample") }
        guard current.count > 0 else { throw DriftReportError(column: name, problem: "has no finite values in the current sample") }
        let type = DriftColumnType.of(reference: reference, current: current)
        let result: StatTestResult
        let histogram: DriftHistogram
        switch (reference, current) {
        case (.numbers(let unsortedR, _), .numbers(let unsortedC, _)):
            // Sorted once: distinct values and the plot come from a merge, and the tests' own
            // sorts run in linear time on sorted input.
            let r = unsortedR.sorted()
            let c = unsortedC.sorted()
            let combined = Self.merge(r, c)
            let test = try Self.choose(name, type, r.count, Self.distinctCount(combined), configuration)
            let threshold = configuration.threshold ?? test.defaultThreshold
            result = Self.run(test, numbers: r, c, type: type, threshold: threshold, binning: configuration.binning)
            histogram = type == .numerical
                ? .numerical(reference: r, current: c, sortedCombined: combined, bins: configuration.histogramBins)
                : .categorical(reference: r, current: c, maxBars: 20, label: DriftNumber.text)
        case (.categories(let r), .categories(let c)):
            let test = try Self.choose(name, type, r.count, Set(r).union(c).count, configuration)
            result = Self.run(test, categories: r, c, threshold: configuration.threshold ?? test.defaultThreshold)
            histogram = .categorical(reference: r, current: c, maxBars: 20) { $0 }
        default:
            throw DriftReportError(column: name, problem: "holds numbers in one sample and categories in the other")
        }
        self.name = name
        self.test = result.test
        self.score = result.score
        self.threshold = result.threshold
        self.drifted = result.drifted
        self.columnType = type
        self.statistic = result.statistic
        self.referenceCount = reference.count
        self.currentCount = current.count
        self.histogram = histogram
    }

    private static func merge(_ a: [Double], _ b: [Double]) -> [Double] {
        var merged: [Double] = []
        merged.reserveCapacity(a.count + b.count)
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if j >= b.count || (i < a.count && a[i] <= b[j]) {
                merged.append(a[i])
                i += 1
            } else {
                merged.append(b[j])
                j += 1
            }
        }
        return merged
    }

    private static func distinctCount(_ sorted: [Double]) -> Int {
        var count = sorted.isEmpty ? 0 : 1
        for index in sorted.indices.dropFirst() where sorted[index] != sorted[index - 1] { count += 1 }
        return count
    }

    private static func choose(
        _ name: String, _ type: DriftColumnType, _ referenceCount: Int, _ distinct: Int, _ configuration: DriftReport.Configuration
    ) throws -> StatTestName {
        guard let requested = configuration.stattest else {
            return .evidentlyDefault(type: type, referenceCount: referenceCount, distinctValues: distinct)
        }
        guard requested.applies(to: type) else {
            throw DriftReportError(column: name, problem: "is \(type.rawValue) and cannot be tested with \(requested.rawValue)")
        }
        return requested
    }

    private static func run(_ test: StatTestName, numbers r: [Double], _ c: [Double], type: DriftColumnType,
                            threshold: Double, binning: DriftBinning) -> StatTestResult {
        switch test {
        case .ks: TwoSampleTest.kolmogorovSmirnov(reference: r, current: c, threshold: threshold)
        case .wasserstein: TwoSampleTest.wasserstein(reference: r, current: c, threshold: threshold)
        case .chisquare: TwoSampleTest.chiSquare(reference: r, current: c, threshold: threshold)
        case .z: TwoSampleTest.zTest(reference: r, current: c, threshold: threshold)
        case .jensenshannon, .psi:
            type == .numerical
                ? TwoSampleTest.binnedShares(test, reference: r, current: c, binning: binning, threshold: threshold)
                : TwoSampleTest.binnedShares(test, referenceCategories: r, currentCategories: c, threshold: threshold)
        }
    }

    private static func run(_ test: StatTestName, categories r: [String], _ c: [String], threshold: Double) -> StatTestResult {
        switch test {
        case .chisquare: TwoSampleTest.chiSquare(reference: r, current: c, threshold: threshold)
        case .z: TwoSampleTest.zTest(reference: r, current: c, threshold: threshold)
        case .psi, .jensenshannon: TwoSampleTest.binnedShares(test, referenceCategories: r, currentCategories: c, threshold: threshold)
        case .ks, .wasserstein: preconditionFailure("\(test) applies to numbers only; `choose` rejects it for categories")
        }
    }
}
