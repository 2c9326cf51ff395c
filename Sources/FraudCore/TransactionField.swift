/// The columns of the `fraudTest.csv` schema, by their header names, in file order.
///
/// Code refers to columns through this type, never through positions.
package enum TransactionField: String, CaseIterable, Sendable {
    /// The unnamed first column (row index); optional in files.
    case rowIndex = ""
    case transDateTransTime = "trans_date_trans_time"
    case ccNum = "cc_num"
    case merchant
    case category
    case amt
    case first
    case last
    case gender
    case street
    case city
    case state
    case zip
    case lat
    case long
    case cityPop = "city_pop"
    case job
    case dob
    case transNum = "trans_num"
    case unixTime = "unix_time"
    case merchLat = "merch_lat"
    case merchLong = "merch_long"
    case isFraud = "is_fraud"

    /// The header name as written in files.
    package var columnName: String { rawValue }

    /// Columns a file may leave out: the row index and the label.
    package var isOptional: Bool { self == .rowIndex || self == .isFraud }

    /// The header line of the fraudTest format, index column included.
    package static let headerLine = allCases.map(\.columnName).joined(separator: ",")
}
