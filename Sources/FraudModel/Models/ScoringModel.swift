/// The model families `fraud train --model` offers.
public enum ModelKind: String, Sendable, Codable, CaseIterable {
    case xgboost, logistic, baseline
}

/// A trained model that scores feature rows: pure, batched, safe to share across threads.
public protocol ScoringModel: Sendable {
    var kind: ModelKind { get }
    /// Fraud probability of every row.
    func scores(_ matrix: FeatureMatrix) -> [Double]
    /// Additive contributions of each column to one row's margin, plus the bias last (`columns + 1` values).
    func contributions(_ matrix: FeatureMatrix, row: Int) -> [Float]
}

extension TreeEnsemble: ScoringModel {
    public var kind: ModelKind { .xgboost }
}
