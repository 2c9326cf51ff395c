/// A "current transactions" response that cannot be read at all (as opposed to one bad row,
/// which is quarantined).
package struct CurrentTransactionsError: Error, Hashable, Sendable {
    /// What was wrong with the envelope.
    package var reason: String

    private init(_ reason: String) {
        self.reason = reason
    }

    static func notJSON(reason: String) -> Self {
        Self("the body is not valid JSON: \(reason)")
    }

    static func innerNotJSON(reason: String) -> Self {
        Self("the JSON string in the body does not hold valid JSON: \(reason)")
    }

    static func notSplitForm(found: String) -> Self {
        Self("expected a JSON string holding a pandas orient=\"split\" object ({\"columns\":[...],\"index\":[...],\"data\":[[...]]}), found \(found)")
    }

    static func badMember(_ name: String, expected: String, found: String) -> Self {
        Self("member '\(name)': expected \(expected), found \(found)")
    }

    static func missingColumns(_ names: [String]) -> Self {
        Self("'columns' lacks required column(s) \(names.map { "'\($0)'" }.joined(separator: ", "))")
    }

    static func duplicateColumn(_ name: String) -> Self {
        Self("'columns' names '\(name)' twice")
    }

    static func indexCount(_ indexCount: Int, rows: Int) -> Self {
        Self("'index' has \(indexCount) entries but 'data' has \(rows) rows")
    }
}

extension CurrentTransactionsError: CustomStringConvertible {
    package var description: String { "current-transactions payload: \(reason)" }
}
