/// One feature's values in one sample (reference or current).
public enum FeatureValues: Sendable, Hashable {
    /// Numbers; `isInteger` marks an integer column, which Evidently treats as categorical when
    /// its reference holds at most 5 distinct values.
    case numbers([Double], isInteger: Bool)
    /// Category labels.
    case categories([String])

    /// How many values.
    public var count: Int {
        switch self {
        case .numbers(let values, _): values.count
        case .categories(let values): values.count
        }
    }

    /// The values without NaN and infinities (Evidently drops them before testing).
    public var finite: FeatureValues {
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
public struct DriftFeatureTable: Sendable, Hashable {
    /// The columns in the order added.
    public private(set) var columns: [(name: String, values: FeatureValues)] = []

    /// An empty table.
    public init() {}

    /// A table from (name, column) pairs.
    public init(_ columns: [(String, FeatureValues)]) {
        for (name, values) in columns { add(name, values) }
    }

    /// Adds a column, or replaces the one with the same name.
    public mutating func add(_ name: String, _ values: FeatureValues) {
        if let index = columns.firstIndex(where: { $0.name == name }) {
            columns[index].values = values
        } else {
            columns.append((name, values))
        }
    }

    /// The column named `name`, if any.
    public subscript(name: String) -> FeatureValues? {
        columns.first { $0.name == name }?.values
    }

    /// Column names in order.
    public var names: [String] { columns.map(\.name) }

    public static func == (lhs: DriftFeatureTable, rhs: DriftFeatureTable) -> Bool {
        lhs.columns.elementsEqual(rhs.columns) { $0.name == $1.name && $0.values == $1.values }
    }

    public func hash(into hasher: inout Hasher) {
        for column in columns {
            hasher.combine(column.name)
            hasher.combine(column.values)
        }
    }
}
