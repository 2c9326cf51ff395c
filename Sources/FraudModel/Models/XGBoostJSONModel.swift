import Foundation

/// The parts of XGBoost's JSON model format (1.7 and later) that scoring needs.
struct XGBoostJSONModel: Decodable {
    struct Learner: Decodable {
        var learner_model_param: LearnerModelParam
        var gradient_booster: GradientBooster
        var objective: Objective
        var feature_names: [String]?
    }

    struct LearnerModelParam: Decodable {
        /// `"5E-1"` in 1.7; `"[4.2E-3]"` (a vector) in 3.x.
        var base_score: String
        var num_class: String?
    }

    struct GradientBooster: Decodable {
        var name: String
        var model: GBTreeModel?
    }

    struct GBTreeModel: Decodable {
        var trees: [Tree]
    }

    struct Objective: Decodable {
        var name: String
    }

    struct Tree: Decodable {
        var left_children: [Int32]
        var right_children: [Int32]
        var split_indices: [Int32]
        var split_conditions: [Float]
        var default_left: [Bool]
        var sum_hessian: [Float]
        var split_type: [Int]?

        enum CodingKeys: String, CodingKey {
            case left_children, right_children, split_indices, split_conditions, default_left, sum_hessian, split_type
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            left_children = try container.decode([Int32].self, forKey: .left_children)
            right_children = try container.decode([Int32].self, forKey: .right_children)
            split_indices = try container.decode([Int32].self, forKey: .split_indices)
            split_conditions = try container.decode([Float].self, forKey: .split_conditions)
            sum_hessian = try container.decode([Float].self, forKey: .sum_hessian)
            split_type = try container.decodeIfPresent([Int].self, forKey: .split_type)
            // 1.7 writes 0/1 integers, later versions may write booleans.
            if let flags = try? container.decode([Int].self, forKey: .default_left) {
                default_left = flags.map { $0 != 0 }
            } else {
                default_left = try container.decode([Bool].self, forKey: .default_left)
            }
        }
    }

    var learner: Learner

    /// The base score as a probability (or raw value for `binary:logitraw`), from either format.
    func baseScore() throws -> Double {
        let text = learner.learner_model_param.base_score.trimmingCharacters(in: CharacterSet(charactersIn: "[] "))
        guard let value = Double(text) else {
            throw ModelError.malformed(file: "model.json", reason: "learner_model_param.base_score \"\(learner.learner_model_param.base_score)\" is not a number")
        }
        return value
    }
}
