/// The columns of the "current transactions" API (DESIGN.md §4), by their JSON names, in API order.
public enum CurrentTransactionsColumn: String, CaseIterable, Sendable {
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
    case merchLat = "merch_lat"
    case merchLong = "merch_long"
    case isFraud = "is_fraud"
    /// Event time in epoch milliseconds.
    case currentTime = "current_time"

    /// Columns a payload may leave out: only the label.
    public var isOptional: Bool { self == .isFraud }
}
