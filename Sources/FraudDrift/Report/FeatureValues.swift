/// One feature's values in one sample (reference or current).
package enum FeatureValues: Sendable, Hashable {
    /// Numbers; `isInteger` marks an integer column, which Evidently treats as categorical when
    /// its reference holds at most 5 distinct values.
    case numbers([Double], isInteger: Bool)
    /// Category labels.
    case categories([String])

    /// How many values.
    package var count: Int {
        switch self {
        case .numbers(let values, _): values.count
        case .categories(let values): values.count
        }
    }

    /// The values without NaN and infinities (Evidently drops them before testing).
    package var finite: FeatureValues {
        switch self {
        case .numbers(let values, let isInteger): .numbers(values.filter(\.isFinite), isInteger: isInteger)
        case .categories: self
        }
    }
}

/// A set of named feature columns for one sample, built from (name, column) pairs.
///
/// The CLI fills one from raw transaction columns (`RawDriftColumns`); the feature extractor's
/// columns are added the same way, by name, so reports name features as the extractor does.
package struct DriftFeatureTable: Sendable, Hashable {
    /// The columns in the order added.
    package private(set) var columns: [(name: String, values: FeatureValues)] = []

    /// An empty table.
    package init() {}

    /// A table from (name, column) pairs.
    package init(_ columns: [(String, FeatureValues)]) {
        for (name, values) in columns { add(name, values) }
    }

    /// Adds a column, or replaces the one with the same name.
    package mutating func add(_ name: String, _ values: FeatureValues) {
        if let index = columns.firstIndex(where: { $0.name == name }) {
            columns[index].values = values
        } else {
            columns.append((name, values))
        }
    }

    /// The column named `name`, if any.
    package subscript(name: String) -> FeatureValues? {
        columns.first { $0.name == name }?.values
    }

    /// Column names in order.
    package var names: [String] { columns.map(\.name) }

    package static func == (lhs: DriftFeatureTable, rhs: DriftFeatureTable) -> Bool {
        lhs.columns.elementsEqual(rhs.columns) { $0.name == $1.name && $0.values == $1.values }
    }

    package func hash(into hasher: inout Hasher) {
        for column in columns {
            hasher.combine(column.name)
            hasher.combine(column.values)
        }
    }
}
