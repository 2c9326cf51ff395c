import CXGBoost

/// An XGBoost data matrix (`DMatrixHandle`), freed when released.
package final class DMatrix {
    let handle: DMatrixHandle
    /// Rows in the matrix.
    package let rows: Int
    /// Columns (features) in the matrix.
    package let columns: Int

    /// Copies a dense row-major matrix into XGBoost; NaN means missing.
    /// - Parameters:
    ///   - labels: one label per row (0/1 for classification), if training or evaluating.
    ///   - weights: one weight per row, if any.
    ///   - threads: threads for the copy (0 = all cores).
    /// - Precondition: `values.count == rows * columns`.
    package init(values: [Float], rows: Int, columns: Int, labels: [Float]? = nil, weights: [Float]? = nil, threads: Int = 0) throws {
        precondition(values.count == rows * columns, "values must hold rows × columns entries")
        var handle: DMatrixHandle?
        try values.withUnsafeBufferPointer { buffer in
            try check(XGDMatrixCreateFromMat_omp(buffer.baseAddress, bst_ulong(rows), bst_ulong(columns), .nan, &handle, Int32(threads)),
                      "XGDMatrixCreateFromMat_omp")
        }
        self.handle = handle!
        self.rows = rows
        self.columns = columns
        if let labels { try setFloatInfo("label", labels) }
        if let weights { try setFloatInfo("weight", weights) }
    }

    deinit { XGDMatrixFree(handle) }

    /// Sets a per-row float field (`label`, `weight`, `base_margin`).
    package func setFloatInfo(_ field: String, _ values: [Float]) throws {
        precondition(values.count == rows, "\(field) must have one value per row")
        try values.withUnsafeBufferPointer { buffer in
            try check(XGDMatrixSetFloatInfo(handle, field, buffer.baseAddress, bst_ulong(rows)), "XGDMatrixSetFloatInfo(\(field))")
        }
    }
}
