extension DriftFeatureTable {
    /// Whether every column holds one value per row (non-finite numbers kept as NaN), so rows can be selected.
    package var isRowAligned: Bool {
        Set(columns.map(\.values.count)).count <= 1
    }

    /// The table of the given rows, in the given order (a row may repeat: a resample).
    /// - Precondition: `isRowAligned` and every index is a row.
    package func rows(_ indices: [Int]) -> DriftFeatureTable {
        precondition(isRowAligned, "rows can only be selected from a row-aligned table")
        return DriftFeatureTable(columns.map { name, values in
            switch values {
            case .numbers(let numbers, let isInteger): (name, .numbers(indices.map { numbers[$0] }, isInteger: isInteger))
            case .categories(let labels): (name, .categories(indices.map { labels[$0] }))
            }
        })
    }
}
