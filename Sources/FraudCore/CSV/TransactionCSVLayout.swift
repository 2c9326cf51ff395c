/// The column layout of a fraudTest-format file, read from its header line.
///
/// Columns are found by name, so their order does not matter; the row index and
/// `is_fraud` may be absent. A missing or renamed column is an error naming it.
package struct TransactionCSVLayout: Sendable {
    /// Column position of each field present in the file.
    package let positions: [TransactionField: Int]
    /// Number of columns in every row.
    package let columnCount: Int

    /// The standard layout: every column, in file order.
    package static let standard = try! TransactionCSVLayout(header: TransactionField.allCases.map(\.columnName))

    /// A layout from header names.
    /// - Throws: `CSVHeaderError` naming the missing, unexpected or repeated column.
    package init(header: [String]) throws {
        var positions: [TransactionField: Int] = [:]
        var unexpected: [String] = []
        for (position, name) in header.enumerated() {
            let trimmed = name.trimmingASCIISpaces
            // pandas names an unnamed index column "Unnamed: 0" when it re-reads such a file.
            let field = trimmed == "Unnamed: 0" ? TransactionField.rowIndex : TransactionField(rawValue: trimmed)
            guard let field else {
                unexpected.append(trimmed)
                continue
            }
            guard positions[field] == nil else { throw CSVHeaderError.duplicateColumn(trimmed.isEmpty ? "(index)" : trimmed) }
            positions[field] = position
        }
        let missing = TransactionField.allCases.filter { !$0.isOptional && positions[$0] == nil }.map(\.columnName)
        if !missing.isEmpty { throw CSVHeaderError.missingColumns(missing, unexpected: unexpected) }
        if !unexpected.isEmpty { throw CSVHeaderError.unexpectedColumns(unexpected) }
        self.positions = positions
        self.columnCount = header.count
    }

    /// Whether the file carries labels (`is_fraud`).
    package var hasLabel: Bool { positions[.isFraud] != nil }
}

/// A header line that is not the fraudTest format.
package enum CSVHeaderError: Error, Hashable, Sendable, CustomStringConvertible {
    case empty
    case missingColumns([String], unexpected: [String])
    case unexpectedColumns([String])
    case duplicateColumn(String)

    package var description: String {
        switch self {
        case .empty:
            return "the file is empty: expected a header line starting with '\(TransactionField.headerLine.prefix(40))...'"
        case .missingColumns(let missing, let unexpected):
            let found = unexpected.isEmpty ? "" : "; found unexpected column(s) \(unexpected.map { "'\($0)'" }.joined(separator: ", ")) (renamed?)"
            return "header is missing column(s) \(missing.map { "'\($0)'" }.joined(separator: ", "))\(found)"
        case .unexpectedColumns(let names):
            return "header has unexpected column(s) \(names.map { "'\($0)'" }.joined(separator: ", "))"
        case .duplicateColumn(let name):
            return "header names column '\(name)' twice"
        }
    }
}

extension String {
    var trimmingASCIISpaces: String {
        var slice = self[...]
        while slice.first == " " || slice.first == "\u{FEFF}" { slice = slice.dropFirst() }
        while slice.last == " " { slice = slice.dropLast() }
        return String(slice)
    }
}
