import Foundation
import FraudCore
import FraudXGBoost

/// Gradient-boosted trees through XGBoost's C API, returned as the native evaluator plus `model.json`.
enum XGBoostFit {
    struct Fitted {
        var ensemble: TreeEnsemble
        var json: Data
        var parameters: [String: String]
        var rounds: Int
        var validationScore: Double?
    }

    static func fit(train: LabelledFeatures, validation: LabelledFeatures?, parameters: XGBoostParameters,
                    progress: (String) -> Void) throws -> Fitted {
        let trainLabels = train.labels.map { Float($0 ? 1 : 0) }
        let dtrain = try DMatrix(values: train.matrix.values, rows: train.count, columns: train.matrix.columns,
                                 labels: trainLabels, threads: parameters.threads)
        let dvalid = try validation.map {
            try DMatrix(values: $0.matrix.values, rows: $0.count, columns: $0.matrix.columns,
                        labels: $0.labels.map { Float($0 ? 1 : 0) }, threads: parameters.threads)
        }
        progress("xgboost: \(train.count) training rows, \(validation?.count ?? 0) validation rows, up to \(parameters.rounds) rounds")
        let estimate = ProgressEstimate()
        let result = try XGBoostTrainer(parameters: parameters).train(train: dtrain, trainLabels: trainLabels, validation: dvalid) { round, score in
            guard round % 25 == 0 else { return }
            // Early stopping may end sooner: the estimate is for all `rounds`.
            progress("round \(round) (\(estimate.text(done: round + 1, total: parameters.rounds))): "
                + "validation \(parameters.evalMetric) \(score.map { Fixed($0, digits: 4).description } ?? "-")")
        }
        progress("kept \(result.rounds) rounds (best validation \(parameters.evalMetric) \(result.bestValidationScore.map { Fixed($0, digits: 4).description } ?? "-"))")
        let json = Data(try result.booster.jsonModel())
        let ensemble = try TreeEnsemble(json: json, columns: train.matrix.columns)
        var pairs = Dictionary(parameters.xgboostPairs(scalePositiveWeight: result.scalePositiveWeight), uniquingKeysWith: { $1 })
        pairs["rounds"] = "\(result.rounds)"
        pairs["early_stopping_rounds"] = "\(parameters.earlyStoppingRounds)"
        return Fitted(ensemble: ensemble, json: json, parameters: pairs, rounds: result.rounds, validationScore: result.bestValidationScore)
    }
}
