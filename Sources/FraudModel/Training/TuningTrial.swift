
/// One evaluated candidate of a hyperparameter search (one line of `trials.jsonl`).
package struct TuningTrial: Codable, Sendable {
    /// The candidate's number (the same candidate keeps it across successive-halving rungs).
    package var trial: Int
    package var parameters: XGBoostParameters
    /// Boosting rounds kept (after early stopping).
    package var rounds: Int
    /// Average precision on the validation split.
    package var validationPRAUC: Double
    package var seconds: Double
    /// Successive halving: the rung (0 = smallest budget); nil for random search.
    package var rung: Int?

    enum CodingKeys: String, CodingKey {
        case trial, parameters, rounds, validationPRAUC = "validation_pr_auc", seconds, rung
    }

    package init(trial: Int, parameters: XGBoostParameters, rounds: Int, validationPRAUC: Double, seconds: Double, rung: Int? = nil) {
        (self.trial, self.parameters, self.rounds, self.validationPRAUC, self.seconds, self.rung) = (trial, parameters, rounds, validationPRAUC, seconds, rung)
    }
}
