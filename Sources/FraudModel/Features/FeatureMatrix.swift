import FraudCore

/// Rows of features, row-major in one flat `Float` array (XGBoost's dense layout); NaN = missing.
package struct FeatureMatrix: Hashable, Sendable {
    package private(set) var rows: Int
    package let columns: Int
    /// `values[row * columns + column]`.
    package var values: [Float]

    /// An empty matrix of `columns` columns, with room for `capacity` rows.
    package init(columns: Int, capacity: Int = 0) {
        self.rows = 0
        self.columns = columns
        self.values = []
        values.reserveCapacity(capacity * columns)
    }

    /// A matrix over existing values.
    /// - Precondition: `values.count == rows * columns`.
    package init(rows: Int, columns: Int, values: [Float]) {
        precondition(values.count == rows * columns, "values must hold rows × columns entries")
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    package subscript(row: Int, column: Int) -> Float {
        get { values[row * columns + column] }
        set { values[row * columns + column] = newValue }
    }

    /// One row's values.
    package func row(_ row: Int) -> ArraySlice<Float> { values[row * columns..<(row + 1) * columns] }

    /// Appends the features of `transaction`, extracted (and recorded) by `extractor`: how rows whose cards live in
    /// different extractors (one per partition) share one matrix.
    package mutating func append(_ transaction: Transaction, extractedBy extractor: inout FeatureExtractor) {
        precondition(columns == FeatureNames.count, "a feature matrix has \(FeatureNames.count) columns")
        values.append(contentsOf: repeatElement(.nan, count: columns))
        rows += 1
        let row = rows - 1
        values.withUnsafeMutableBufferPointer { values in
            extractor.extract(transaction, into: UnsafeMutableBufferPointer(rebasing: values[row * columns..<(row + 1) * columns]))
        }
    }

    /// Appends one row of values.
    mutating func appendRow(_ row: [Float]) {
        precondition(row.count == columns, "row has \(row.count) values, expected \(columns)")
        values.append(contentsOf: row)
        rows += 1
    }

    /// Rows `range` as a new matrix.
    package func rows(_ range: Range<Int>) -> FeatureMatrix {
        FeatureMatrix(rows: range.count, columns: columns, values: Array(values[range.lowerBound * columns..<range.upperBound * columns]))
    }
}
