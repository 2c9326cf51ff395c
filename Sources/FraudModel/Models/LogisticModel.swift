import Foundation

/// Logistic regression on standardised features: `sigmoid(intercept + Σ wⱼ zⱼ)`.
///
/// Preprocessing is part of the model: columns whose training values exceed 100 in magnitude
/// (sums, seconds, counts) go through `sign(x)·log1p(|x|)` first, then every column is
/// standardised with the training mean and deviation; a missing value becomes 0 (the mean).
package struct LogisticModel: ScoringModel, Codable, Hashable {
    package var kind: ModelKind { .logistic }
    package var weights: [Double]
    package var intercept: Double
    package var means: [Double]
    package var scales: [Double]
    package var logTransformed: [Bool]

    /// The standardised value of column `column` for raw value `value`.
    @inline(__always)
    func standardized(_ value: Float, column: Int) -> Double {
        guard !value.isNaN else { return 0 }
        var x = Double(value)
        if logTransformed[column] { x = x < 0 ? -log1p(-x) : log1p(x) }
        return (x - means[column]) / scales[column]
    }

    package func margin(_ matrix: FeatureMatrix, row: Int) -> Double {
        var sum = intercept
        for column in 0..<weights.count {
            sum += weights[column] * standardized(matrix[row, column], column: column)
        }
        return sum
    }

    package func scores(_ matrix: FeatureMatrix) -> [Double] {
        (0..<matrix.rows).map { 1 / (1 + exp(-margin(matrix, row: $0))) }
    }

    package func contributions(_ matrix: FeatureMatrix, row: Int) -> [Float] {
        var out = (0..<weights.count).map { Float(weights[$0] * standardized(matrix[row, $0], column: $0)) }
        out.append(Float(intercept))
        return out
    }
}
