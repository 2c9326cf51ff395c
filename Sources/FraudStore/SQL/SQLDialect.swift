/// The two SQL dialects the store speaks; schema text is shared and types are substituted per dialect.
package enum SQLDialect: Sendable {
    case sqlite, postgres

    /// The placeholder for the `index`-th (1-based) bound value.
    func placeholder(_ index: Int) -> String {
        self == .sqlite ? "?" : "$\(index)"
    }

    /// The condition that finds the `transactions` row (named `table` in the query) of the `trans_num` given by the SQL
    /// expression `value`, through the backend's unique key: PostgreSQL's primary key on `trans_num`, SQLite's
    /// `trans_key` range (see `TransactionKey`). On SQLite the unary `+` keeps the planner from answering a join's
    /// `trans_num = …` with an automatic index built over the whole table (seen in `EXPLAIN QUERY PLAN` of the
    /// unlabelled-alerts join), so it searches the `trans_key` index.
    func transactionLookup(_ table: String, transNum value: String) -> String {
        switch self {
        case .postgres: "\(table).trans_num = \(value)"
        case .sqlite:
            "\(table).trans_key BETWEEN fraud_trans_key(\(value)) AND fraud_trans_key(\(value)) + \(TransactionKey.slots - 1) AND +\(table).trans_num = \(value)"
        }
    }

    /// Replaces the type tokens of the shared schema text (`{INT}`, `{REAL}`, `{BOOL}`, `{SERIAL}`).
    func ddl(_ template: String) -> String {
        let types: [(String, String)] = switch self {
        case .sqlite: [("{INT}", "INTEGER"), ("{REAL}", "REAL"), ("{BOOL}", "INTEGER"), ("{SERIAL}", "INTEGER PRIMARY KEY AUTOINCREMENT")]
        case .postgres: [("{INT}", "BIGINT"), ("{REAL}", "DOUBLE PRECISION"), ("{BOOL}", "BOOLEAN"), ("{SERIAL}", "BIGSERIAL PRIMARY KEY")]
        }
        var text = template
        for (token, type) in types { text = text.replacingOccurrences(of: token, with: type) }
        return text
    }
}

/// A value bound to a statement, independent of the driver.
package enum SQLValue: Sendable, Hashable {
    case int(Int64)
    case double(Double)
    case text(String)
    case bool(Bool)
    case null
}

/// SQL text with its bound values, built clause by clause.
package struct SQLStatement: Sendable {
    package let dialect: SQLDialect
    package var sql: String
    package private(set) var values: [SQLValue] = []

    package init(_ dialect: SQLDialect, _ sql: String = "") {
        self.dialect = dialect
        self.sql = sql
    }

    /// Adds a value and returns its placeholder.
    package mutating func bind(_ value: SQLValue) -> String {
        values.append(value)
        return dialect.placeholder(values.count)
    }

    /// Appends ` WHERE a AND b ...` when there are conditions.
    package mutating func appendWhere(_ conditions: [String]) {
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
    }
}

import Foundation
