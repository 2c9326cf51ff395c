/// A column of the "current transactions" API (DESIGN.md §4): a fraudTest column, or `current_time`.
enum CurrentTransactionsColumn: Hashable, Sendable {
    case field(TransactionField)
    /// Event time in epoch milliseconds.
    case currentTime

    /// The columns in API order: the fraudTest columns but the row index and the two time columns, then `current_time`.
    static let all: [CurrentTransactionsColumn] =
        TransactionField.allCases.filter { ![.rowIndex, .transDateTransTime, .unixTime].contains($0) }.map(Self.field) + [.currentTime]

    private static let byName = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    /// The column named `name`, if the API has one.
    init?(name: String) {
        guard let column = Self.byName[name] else { return nil }
        self = column
    }

    /// The JSON name.
    var name: String {
        switch self {
        case .field(let field): field.columnName
        case .currentTime: "current_time"
        }
    }

    /// Columns a payload may leave out: only the label.
    var isOptional: Bool { self == .field(.isFraud) }
}
