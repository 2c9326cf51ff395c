import Foundation

extension TreeEnsemble {
    /// Margins (log-odds) of every row, accumulated in `Float` in tree order as XGBoost does.
    package func margins(_ matrix: FeatureMatrix) -> [Float] {
        precondition(matrix.columns == columns, "matrix has \(matrix.columns) columns, the model reads \(columns)")
        guard let packed else { return walkedMargins(matrix) }
        var out = [Float](repeating: baseMargin, count: matrix.rows)
        matrix.values.withUnsafeBufferPointer { values in
            out.withUnsafeMutableBufferPointer { margins in
                let blocks = (matrix.rows + PackedForest.blockRows - 1) / PackedForest.blockRows
                // Each block reads its own rows and writes its own margins, so threads never share a write.
                nonisolated(unsafe) let base = values.baseAddress!
                nonisolated(unsafe) let marginBase = margins.baseAddress!
                let rows = matrix.rows
                let work: @Sendable (Int) -> Void = { block in
                    let start = block * PackedForest.blockRows, end = min(start + PackedForest.blockRows, rows)
                    packed.accumulate(values: base, rows: start..<end, margins: marginBase)
                }
                if blocks >= 64 {
                    // Large batches: split the blocks over the cores (each block writes its own rows).
                    let stride = max(1, blocks / (ProcessInfo.processInfo.activeProcessorCount * 4))
                    DispatchQueue.concurrentPerform(iterations: (blocks + stride - 1) / stride) { chunk in
                        for block in chunk * stride..<min(blocks, (chunk + 1) * stride) { work(block) }
                    }
                } else {
                    for block in 0..<blocks { work(block) }
                }
            }
        }
        return out
    }

    /// Margins of a model too deep for `PackedForest`: each row walks each tree node by node.
    private func walkedMargins(_ matrix: FeatureMatrix) -> [Float] {
        (0..<matrix.rows).map { row in
            var margin = baseMargin
            for root in roots {
                var node = Int(root)
                while feature[node] >= 0 {
                    node = child(of: node, value: matrix[row, Int(feature[node])])
                }
                margin += threshold[node]
            }
            return margin
        }
    }

    /// Fraud probabilities (or margins for `binary:logitraw`) of every row.
    package func scores(_ matrix: FeatureMatrix) -> [Double] {
        margins(matrix).map { appliesSigmoid ? 1 / (1 + exp(-Double($0))) : Double($0) }
    }

    /// Saabas path contributions of one row (XGBoost's `approx_contribs`): one value per column,
    /// plus the bias (base margin + root means) as the last element; they sum to the margin.
    package func contributions(_ matrix: FeatureMatrix, row: Int) -> [Float] {
        var out = [Float](repeating: 0, count: columns + 1)
        out[columns] = baseMargin
        matrix.values.withUnsafeBufferPointer { values in
            let pointer = values.baseAddress! + row * columns
            for root in roots {
                var node = Int(root)
                var nodeValue = meanValue[node]
                out[columns] += nodeValue
                while feature[node] >= 0 {
                    let split = Int(feature[node])
                    let value = pointer[split]
                    node = child(of: node, value: value)
                    out[split] += meanValue[node] - nodeValue
                    nodeValue = meanValue[node]
                }
            }
        }
        return out
    }

    /// The child of split `node` a row with `value` in its column goes to (XGBoost's rule: `value < threshold`
    /// goes left, NaN takes the default direction).
    func child(of node: Int, value: Float) -> Int {
        let goesLeft = value.isNaN ? defaultLeft[node] : value < threshold[node]
        return Int(goesLeft ? left[node] : right[node])
    }
}
