import Foundation

/// The baseline: every payment gets the training fraud rate (with a threshold above it, "never fraud").
package struct ConstantModel: ScoringModel, Codable, Hashable {
    package var kind: ModelKind { .baseline }
    /// The constant score.
    package var probability: Double
    package var columns: Int

    package init(probability: Double, columns: Int) {
        self.probability = probability
        self.columns = columns
    }

    /// The fraud rate of `labels`.
    package init(labels: [Bool], columns: Int) {
        self.init(probability: labels.isEmpty ? 0 : Double(labels.filter { $0 }.count) / Double(labels.count), columns: columns)
    }

    package func scores(_ matrix: FeatureMatrix) -> [Double] {
        [Double](repeating: probability, count: matrix.rows)
    }

    package func contributions(_ matrix: FeatureMatrix, row: Int) -> [Float] {
        var out = [Float](repeating: 0, count: columns + 1)
        let p = min(max(probability, 1e-12), 1 - 1e-12)
        out[columns] = Float(log(p / (1 - p)))
        return out
    }
}
