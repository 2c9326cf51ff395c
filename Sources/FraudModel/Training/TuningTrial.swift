
/// One evaluated candidate of a hyperparameter search (one line of `trials.jsonl`).
public struct TuningTrial: Codable, Sendable {
    /// The candidate's number (the same candidate keeps it across successive-halving rungs).
    public var trial: Int
    public var parameters: XGBoostParameters
    /// Boosting rounds kept (after early stopping).
    public var rounds: Int
    /// Average precision on the validation split.
    public var validationPRAUC: Double
    public var seconds: Double
    /// Successive halving: the rung (0 = smallest budget); nil for random search.
    public var rung: Int?

    enum CodingKeys: String, CodingKey {
        case trial, parameters, rounds, validationPRAUC = "validation_pr_auc", seconds, rung
    }

    public init(trial: Int, parameters: XGBoostParameters, rounds: Int, validationPRAUC: Double, seconds: Double, rung: Int? = nil) {
        (self.trial, self.parameters, self.rounds, self.validationPRAUC, self.seconds, self.rung) = (trial, parameters, rounds, validationPRAUC, seconds, rung)
    }
}
