import Foundation

/// Native Swift evaluator of an XGBoost binary model: every tree's nodes in flat arrays,
/// scored batch-at-a-time with XGBoost's rules (`value < split` goes left, NaN takes the
/// node's default direction, leaf values summed in `Float` in tree order, plus the base margin).
package struct TreeEnsemble: Sendable {
    /// Split feature per node (the extractor's column); -1 for leaves.
    let feature: [Int32]
    /// Split threshold, or the leaf value for leaves.
    let threshold: [Float]
    /// Left child (global index); right child is `right[node]`.
    let left: [Int32]
    let right: [Int32]
    let defaultLeft: [Bool]
    /// Cover-weighted mean leaf value under each node (XGBoost's node mean values, for Saabas contributions).
    let meanValue: [Float]
    /// Root node of each tree.
    let roots: [Int32]
    /// The same trees laid out for batch scoring; nil when a tree is deeper than `PackedForest.maxDepth`.
    let packed: PackedForest?
    /// Margin before any tree: logit(base_score) for logistic objectives.
    package let baseMargin: Float
    /// Whether scores are `sigmoid(margin)` (`binary:logistic`) or the margin itself (`binary:logitraw`).
    package let appliesSigmoid: Bool
    /// Columns the evaluator reads (the extractor's width).
    package let columns: Int

    package var treeCount: Int { roots.count }

    /// Loads an XGBoost JSON model.
    /// - Parameter featureColumns: the extractor column of each model feature (identity when nil).
    /// - Throws: `ModelError` when the JSON is not a binary gbtree model with numerical splits.
    package init(json: Data, columns: Int, featureColumns: [Int]? = nil) throws {
        try self.init(json: json, columns: columns, featureColumns: featureColumns, packedDepth: PackedForest.maxDepth)
    }

    /// `init(json:columns:featureColumns:)` with the depth limit of the packed layout (lowered by tests).
    init(json: Data, columns: Int, featureColumns: [Int]?, packedDepth: Int) throws {
        let model: XGBoostJSONModel
        do { model = try JSONDecoder().decode(XGBoostJSONModel.self, from: json) } catch {
            throw ModelError.malformed(file: "model.json", reason: "not an XGBoost JSON model: \(error)")
        }
        let learner = model.learner
        guard learner.gradient_booster.name == "gbtree", let trees = learner.gradient_booster.model?.trees else {
            throw ModelError.unsupported("booster \(learner.gradient_booster.name) (only gbtree)")
        }
        guard Int(learner.learner_model_param.num_class ?? "0") ?? 0 <= 1 else { throw ModelError.unsupported("multi-class models") }
        let base = try model.baseScore()
        switch learner.objective.name {
        case "binary:logistic", "reg:logistic":
            appliesSigmoid = true
            baseMargin = Float(log(base / (1 - base)))
        case "binary:logitraw":
            appliesSigmoid = false
            baseMargin = Float(base)
        default:
            throw ModelError.unsupported("objective \(learner.objective.name)")
        }
        var feature: [Int32] = [], threshold: [Float] = [], left: [Int32] = [], right: [Int32] = []
        var defaultLeft: [Bool] = [], meanValue: [Float] = [], roots: [Int32] = []
        for (index, tree) in trees.enumerated() {
            if let types = tree.split_type, types.contains(where: { $0 != 0 }) {
                throw ModelError.unsupported("categorical splits (tree \(index))")
            }
            let offset = Int32(feature.count)
            roots.append(offset)
            for node in tree.left_children.indices {
                let isLeaf = tree.left_children[node] < 0
                var column = Int(tree.split_indices[node])
                if !isLeaf, let featureColumns {
                    guard column < featureColumns.count else {
                        throw ModelError.malformed(file: "model.json", reason: "tree \(index) splits on feature \(column), beyond features.json")
                    }
                    column = featureColumns[column]
                }
                guard isLeaf || column < columns else {
                    throw ModelError.malformed(file: "model.json", reason: "tree \(index) splits on feature \(column) of \(columns)")
                }
                feature.append(isLeaf ? -1 : Int32(column))
                threshold.append(tree.split_conditions[node])
                left.append(isLeaf ? -1 : tree.left_children[node] + offset)
                right.append(isLeaf ? -1 : tree.right_children[node] + offset)
                defaultLeft.append(tree.default_left[node])
            }
            meanValue += Self.nodeMeans(tree)
        }
        let depths = roots.map { PackedForest.depth(root: Int($0), feature: feature, left: left, right: right) }
        if depths.allSatisfy({ $0 <= packedDepth }) {
            var packed = PackedForest(columns: columns)
            for (root, depth) in zip(roots, depths) {
                packed.append(root: Int(root), depth: depth, feature: feature, threshold: threshold, left: left, right: right,
                              defaultLeft: defaultLeft)
            }
            self.packed = packed
        } else {
            self.packed = nil
        }
        (self.feature, self.threshold, self.left, self.right) = (feature, threshold, left, right)
        (self.defaultLeft, self.meanValue, self.roots, self.columns) = (defaultLeft, meanValue, roots, columns)
    }

    /// XGBoost's `FillNodeMeanValues`: a leaf's value, or the hessian-weighted mean of the children.
    static func nodeMeans(_ tree: XGBoostJSONModel.Tree) -> [Float] {
        var means = [Float](repeating: 0, count: tree.left_children.count)
        func fill(_ node: Int) -> Float {
            let leftChild = Int(tree.left_children[node])
            guard leftChild >= 0 else {
                means[node] = tree.split_conditions[node]
                return means[node]
            }
            let rightChild = Int(tree.right_children[node])
            let sum = fill(leftChild) * tree.sum_hessian[leftChild] + fill(rightChild) * tree.sum_hessian[rightChild]
            means[node] = sum / tree.sum_hessian[node]
            return means[node]
        }
        if !means.isEmpty { _ = fill(0) }
        return means
    }
}
