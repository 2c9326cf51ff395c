import FraudCore

/// Rows split by event time: the earliest `trainFraction` of them for training, the rest for testing.
///
/// The same split as `Benchmarks/reference/split_by_time.py` (pandas `sort_values(kind="stable")`, cut after
/// `int(len × fraction)` rows): rows ordered by event time, ties kept in input order.
package struct TimeSplit: Sendable {
    /// The first rows by time.
    package let train: ArraySlice<Transaction>
    /// The remaining rows, none earlier than a training row.
    package let test: ArraySlice<Transaction>

    /// Splits `rows`; `trainFraction` in 0...1.
    package init(_ rows: [Transaction], trainFraction: Double) {
        let ordered = rows.indices.sorted { (rows[$0].eventTime, $0) < (rows[$1].eventTime, $1) }.map { rows[$0] }
        let cut = Int(Double(ordered.count) * trainFraction)
        train = ordered[..<cut]
        test = ordered[cut...]
    }

    /// The event time of the first test row: training rows are at or before it, test rows at or after it.
    package var splitTime: EventTime? { test.first?.eventTime }
}
