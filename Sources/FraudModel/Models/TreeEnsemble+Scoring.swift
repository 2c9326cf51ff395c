import Foundation

extension TreeEnsemble {
    /// Margins (log-odds) of every row, accumulated in `Float` in tree order as XGBoost does.
    public func margins(_ matrix: FeatureMatrix) -> [Float] {
        precondition(matrix.columns == columns, "matrix has \(matrix.columns) columns, the model reads \(columns)")
        var out = [Float](repeating: baseMargin, count: matrix.rows)
        matrix.values.withUnsafeBufferPointer { values in
            out.withUnsafeMutableBufferPointer { margins in
                let blocks = (matrix.rows + PackedForest.blockRows - 1) / PackedForest.blockRows
                // Each block reads its own rows and writes its own margins, so threads never share a write.
                nonisolated(unsafe) let base = values.baseAddress!
                nonisolated(unsafe) let marginBase = margins.baseAddress!
                let rows = matrix.rows
                let packed = self.packed, columns = self.columns
                let work: @Sendable (Int) -> Void = { block in
                    let start = block * PackedForest.blockRows, end = min(start + PackedForest.blockRows, rows)
                    packed.accumulate(values: base, columns: columns, rows: start..<end, margins: marginBase)
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

    /// Fraud probabilities (or margins for `binary:logitraw`) of every row.
    public func scores(_ matrix: FeatureMatrix) -> [Double] {
        margins(matrix).map { appliesSigmoid ? 1 / (1 + exp(-Double($0))) : Double($0) }
    }

    /// Saabas path contributions of one row (XGBoost's `approx_contribs`): one value per column,
    /// plus the bias (base margin + root means) as the last element; they sum to the margin.
    public func contributions(_ matrix: FeatureMatrix, row: Int) -> [Float] {
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
                    node = Int(value.isNaN ? (defaultLeft[node] ? left[node] : right[node]) : (value < threshold[node] ? left[node] : right[node]))
                    out[split] += meanValue[node] - nodeValue
                    nodeValue = meanValue[node]
                }
            }
        }
        return out
    }
}
