/// The model families `fraud train --model` offers.
package enum ModelKind: String, Sendable, Codable, CaseIterable {
    case xgboost, logistic, baseline
}

/// A trained model that scores feature rows: pure, batched, safe to share across threads.
package protocol ScoringModel: Sendable {
    var kind: ModelKind { get }
    /// Fraud probability of every row.
    func scores(_ matrix: FeatureMatrix) -> [Double]
    /// Additive contributions of each column to one row's margin, plus the bias last (`columns + 1` values).
    func contributions(_ matrix: FeatureMatrix, row: Int) -> [Float]
}

extension TreeEnsemble: ScoringModel {
    package var kind: ModelKind { .xgboost }
}
