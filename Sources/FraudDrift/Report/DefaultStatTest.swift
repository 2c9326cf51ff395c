/// How Evidently treats a column for drift.
package enum DriftColumnType: String, Sendable, Hashable, Codable {
    case numerical, categorical

    /// Evidently's `_get_column_type`: labels are categorical; integer columns with at most 5
    /// distinct reference values (current values when the reference is empty) are categorical;
    /// other numbers are numerical.
    package static func of(reference: FeatureValues, current: FeatureValues) -> DriftColumnType {
        switch reference {
        case .categories: return .categorical
        case .numbers(let values, let isInteger):
            guard isInteger else { return .numerical }
            var sample = values
            if sample.isEmpty, case .numbers(let currentValues, _) = current { sample = currentValues }
            return hasAtMost(5, distinctIn: sample) ? .categorical : .numerical
        }
    }
}

/// Whether `values` hold at most `limit` distinct values (stops as soon as they do not).
private func hasAtMost(_ limit: Int, distinctIn values: [Double]) -> Bool {
    var seen = Set<Double>()
    for value in values {
        seen.insert(value)
        if seen.count > limit { return false }
    }
    return true
}

extension StatTestName {
    /// Evidently's `_get_default_stattest`. With a reference of at most 1000 rows: K-S for numerical
    /// columns, chi-square for categorical ones with more than 2 distinct values (reference and
    /// current together), Z-test for 2 or fewer; numerical columns with ≤ 5 distinct values are
    /// tested like categorical ones. Larger references: normalised Wasserstein for numerical
    /// columns with more than 5 distinct values, Jensen–Shannon otherwise.
    package static func evidentlyDefault(type: DriftColumnType, referenceCount: Int, distinctValues: Int) -> StatTestName {
        if referenceCount <= 1000 {
            if type == .numerical && distinctValues > 5 { return .ks }
            return distinctValues > 2 ? .chisquare : .z
        }
        if type == .numerical && distinctValues > 5 { return .wasserstein }
        return .jensenshannon
    }

    /// Whether this test applies to a column of `type`.
    package func applies(to type: DriftColumnType) -> Bool {
        switch self {
        case .ks, .wasserstein: type == .numerical
        case .chisquare, .z: type == .categorical
        case .jensenshannon, .psi: true
        }
    }
}
