import FraudCore

/// Per-feature drift between a reference and a current sample, and the dataset-level verdict,
/// following Evidently's `DataDriftTable` / `DatasetDriftMetric` defaults.
package struct DriftReport: Sendable, Hashable, Codable {
    /// How features are tested and when the dataset counts as drifted.
    package struct Configuration: Sendable, Hashable {
        /// Dataset drift when at least this share of features drifts (Evidently: 0.5).
        package var driftShare: Double
        /// One test for every feature (e.g. `.psi` on request); `nil` picks Evidently's default per feature.
        package var stattest: StatTestName?
        /// Threshold for every feature; `nil` uses each test's default.
        package var threshold: Double?
        /// Binning of numerical features for Jensen–Shannon and PSI.
        package var binning: DriftBinning
        /// Bins of the numerical histograms in the report (plots only; tests bin on their own).
        package var histogramBins: Int

        /// A configuration with Evidently's defaults.
        /// - Throws: `ConfigurationError` when `driftShare` is not in (0, 1] or `histogramBins` < 1.
        package init(driftShare: Double = 0.5, stattest: StatTestName? = nil, threshold: Double? = nil,
                    binning: DriftBinning = .evidently, histogramBins: Int = 20) throws {
            guard driftShare > 0, driftShare <= 1 else {
                throw ConfigurationError(parameter: "driftShare", value: "\(driftShare)", expected: "0 < driftShare ≤ 1")
            }
            guard histogramBins >= 1 else {
                throw ConfigurationError(parameter: "histogramBins", value: "\(histogramBins)", expected: "≥ 1")
            }
            if case .referenceQuantiles(let count) = binning, count < 2 {
                throw ConfigurationError(parameter: "binning", value: "referenceQuantiles(\(count))", expected: "at least 2 quantile bins")
            }
            self.init(checkedDriftShare: driftShare, stattest: stattest, threshold: threshold, binning: binning, histogramBins: histogramBins)
        }

        /// Evidently's defaults: drift share 0.5, default test and threshold per feature, Evidently's binning.
        package static var evidently: Configuration {
            Configuration(checkedDriftShare: 0.5, stattest: nil, threshold: nil, binning: .evidently, histogramBins: 20)
        }

        private init(checkedDriftShare driftShare: Double, stattest: StatTestName?, threshold: Double?, binning: DriftBinning, histogramBins: Int) {
            self.driftShare = driftShare
            self.stattest = stattest
            self.threshold = threshold
            self.binning = binning
            self.histogramBins = histogramBins
        }
    }

    /// Whether the share of drifted features reached `driftShareThreshold`.
    package var datasetDrift: Bool
    /// Share of features that drifted.
    package var driftShare: Double
    /// One entry per feature, in the reference table's order.
    package var features: [FeatureDrift]
    /// The dataset-drift threshold used.
    package var driftShareThreshold: Double
    /// Reference rows tested (after any subsampling).
    package var referenceRows: Int
    /// Current rows tested.
    package var currentRows: Int

    // Snake case, as in `jsonText` (which also fixes the key order `JSONEncoder` does not keep).
    enum CodingKeys: String, CodingKey {
        case datasetDrift = "dataset_drift", driftShare = "drift_share", features
        case driftShareThreshold = "drift_share_threshold", referenceRows = "reference_rows", currentRows = "current_rows"
    }

    /// Tests every column of `reference` against the same-named column of `current`.
    /// - Throws: `DriftReportError` naming the column when it is missing from `current`, empty
    ///   after dropping non-finite values, of different kinds in the two tables, or not testable by
    ///   the requested test.
    package init(reference: DriftFeatureTable, current: DriftFeatureTable, configuration: Configuration = .evidently) throws {
        var features: [FeatureDrift] = []
        for (name, referenceValues) in reference.columns {
            guard let currentValues = current[name] else {
                throw DriftReportError(column: name, problem: "is missing from the current sample")
            }
            features.append(try FeatureDrift(name: name, reference: referenceValues, current: currentValues, configuration: configuration))
        }
        let drifted = features.filter(\.drifted).count
        self.features = features
        self.driftShare = features.isEmpty ? 0 : Double(drifted) / Double(features.count)
        self.datasetDrift = !features.isEmpty && driftShare >= configuration.driftShare
        self.driftShareThreshold = configuration.driftShare
        self.referenceRows = reference.columns.map(\.values.count).max() ?? 0
        self.currentRows = current.columns.map(\.values.count).max() ?? 0
    }
}

/// A column that cannot be tested, and why.
package struct DriftReportError: Error, Hashable, CustomStringConvertible {
    /// The column's name.
    package var column: String
    /// What is wrong with it.
    package var problem: String

    package var description: String { "column \(column) \(problem)" }
}
