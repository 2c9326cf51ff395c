import FraudCore
import FraudDrift
import FraudModel

/// The columns drift is tested on, accumulated one payment at a time: the raw columns of `RawDriftColumns`
/// (`amt`, `category`, ...), every column of the feature extractor under its `FeatureNames` name (the extractor's
/// `hour` and `distance_km` replace the raw ones of the same name), and `score`.
///
/// Columns are row-aligned (one value per payment, so `HourMatchedReference` can select rows): feature values that
/// are not finite (a card's first payment has no previous one) stay as NaN, which the drift tests drop.
package struct MonitoredColumns: Sendable {
    /// The name of the model-score column.
    package static let scoreColumn = "score"

    private var raw = RawDriftColumns()
    private var features: [[Double]] = Array(repeating: [], count: FeatureNames.all.count)
    private var scores: [Double] = []

    /// No rows yet.
    package init() {}

    /// Rows appended.
    package var count: Int { scores.count }

    /// Adds one payment, its feature row (in `FeatureNames.all` order) and its score.
    /// - Precondition: `featureRow.count == FeatureNames.all.count`.
    package mutating func append(_ transaction: Transaction, featureRow: some Collection<Float>, score: Double) {
        precondition(featureRow.count == features.count, "a feature row holds \(features.count) values")
        raw.append(transaction)
        for (column, value) in featureRow.enumerated() {
            features[column].append(value.isFinite ? Double(value) : .nan)
        }
        scores.append(score)
    }

    /// The columns as a drift table; columns without any finite value are left out.
    package var table: DriftFeatureTable {
        var table = raw.table
        for (column, name) in FeatureNames.all.enumerated() {
            let finite = features[column].filter(\.isFinite)
            guard !finite.isEmpty else { continue }
            table.add(name, .numbers(features[column], isInteger: finite.allSatisfy { $0 == $0.rounded() }))
        }
        if !scores.isEmpty { table.add(Self.scoreColumn, .numbers(scores, isInteger: false)) }
        return table
    }
}
