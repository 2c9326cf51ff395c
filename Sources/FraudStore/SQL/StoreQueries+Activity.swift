import FraudCore

/// The statements behind `Store.activity` and `Store.labelledOutcomes`, shared by both backends.
extension StoreQueries {
    /// Count and predicted frauds of the payments scored in `since..<until`.
    static func activityCounts(since: EventTime, until: EventTime, _ dialect: SQLDialect) -> SQLStatement {
        var statement = SQLStatement(
            dialect, "SELECT COUNT(*) AS payments, COALESCE(SUM(CASE WHEN prediction THEN 1 ELSE 0 END), 0) AS frauds FROM transactions")
        statement.appendWhere(scoredWindow(&statement, since: since, until: until))
        return statement
    }

    /// The `latency_ms` at 0-based `rank` among the window's payments ordered by latency.
    static func activityLatency(since: EventTime, until: EventTime, rank: Int, _ dialect: SQLDialect) -> SQLStatement {
        var statement = SQLStatement(dialect, "SELECT latency_ms FROM transactions")
        statement.appendWhere(scoredWindow(&statement, since: since, until: until))
        statement.sql += " ORDER BY latency_ms LIMIT 1 OFFSET \(max(rank, 0))"
        return statement
    }

    /// The four confusion counts of labelled payments, labelled at or after `since` when given.
    static func labelledOutcomes(since: EventTime?, _ dialect: SQLDialect) -> SQLStatement {
        var statement = SQLStatement(dialect, """
            SELECT COALESCE(SUM(CASE WHEN prediction AND true_value THEN 1 ELSE 0 END), 0) AS tp,
                   COALESCE(SUM(CASE WHEN prediction AND NOT true_value THEN 1 ELSE 0 END), 0) AS fp,
                   COALESCE(SUM(CASE WHEN NOT prediction AND NOT true_value THEN 1 ELSE 0 END), 0) AS tn,
                   COALESCE(SUM(CASE WHEN NOT prediction AND true_value THEN 1 ELSE 0 END), 0) AS fn
            FROM transactions
            """)
        var conditions = ["true_value IS NOT NULL"]
        if let since { conditions.append("labeled_at >= " + statement.bind(.int(since.millisecondsSinceEpoch))) }
        statement.appendWhere(conditions)
        return statement
    }

    /// Reads the row of `labelledOutcomes`.
    static func outcomes(_ row: some SQLRowReader) throws -> LabelledOutcomes {
        LabelledOutcomes(
            truePositives: Int(try row.int64(required: "tp")), falsePositives: Int(try row.int64(required: "fp")),
            trueNegatives: Int(try row.int64(required: "tn")), falseNegatives: Int(try row.int64(required: "fn")))
    }

    private static func scoredWindow(_ statement: inout SQLStatement, since: EventTime, until: EventTime) -> [String] {
        ["scored_at >= " + statement.bind(.int(since.millisecondsSinceEpoch)),
         "scored_at < " + statement.bind(.int(until.millisecondsSinceEpoch))]
    }
}
