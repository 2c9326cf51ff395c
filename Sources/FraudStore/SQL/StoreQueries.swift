import FraudCore

/// The SELECT statements both backends run, built once per dialect.
enum StoreQueries {
    static func transactions(_ query: TransactionQuery, _ dialect: SQLDialect) -> SQLStatement {
        let searchesCardHours = dialect == .sqlite && query.ccNum != nil
        var statement = SQLStatement(dialect, "SELECT \(StoreSchema.transactionSelectList) FROM transactions"
                                     + (searchesCardHours ? " INDEXED BY transactions_card_hour" : ""))
        var conditions: [String] = []
        if let from = query.from { conditions.append("event_time >= " + statement.bind(.int(from.millisecondsSinceEpoch))) }
        if let to = query.to { conditions.append("event_time < " + statement.bind(.int(to.millisecondsSinceEpoch))) }
        if let card = query.ccNum { conditions.append("cc_num = " + statement.bind(.int(card))) }
        if searchesCardHours { conditions.append(cardHours(&statement, query)) }
        if let prediction = query.prediction { conditions.append("prediction = " + statement.bind(.bool(prediction))) }
        switch query.label {
        case .any: break
        case .labelled: conditions.append("true_value IS NOT NULL")
        case .unlabelled: conditions.append("true_value IS NULL")
        }
        if let cursor = query.cursor {
            conditions.append(keyset(&statement, cursor.eventTime, cursor.transNum, column: "event_time", comparison: "<"))
        }
        statement.appendWhere(conditions)
        statement.sql += " ORDER BY event_time DESC, trans_num DESC LIMIT \(query.pageSize + 1)"
        return statement
    }

    /// SQLite: the event hours a card query searches in `transactions_card_hour` (led by the hour, migration 6), one
    /// index search per hour, from the hour of the newest payment the query can return down to that of the oldest
    /// (both found through the event-time index). A card's payments are then sorted by the query's ORDER BY.
    private static func cardHours(_ statement: inout SQLStatement, _ query: TransactionQuery) -> String {
        var newest: [String] = [], oldest: [String] = []
        if let to = query.to { newest.append("event_time < " + statement.bind(.int(to.millisecondsSinceEpoch))) }
        if let cursor = query.cursor { newest.append("event_time <= " + statement.bind(.int(cursor.eventTime.millisecondsSinceEpoch))) }
        if let from = query.from { oldest.append("event_time >= " + statement.bind(.int(from.millisecondsSinceEpoch))) }
        func bound(_ function: String, _ conditions: [String]) -> String {
            StoreSchema.hour(of: "(SELECT \(function)(event_time) FROM transactions"
                             + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")) + ")")
        }
        return """
            \(StoreSchema.cardHour) IN (WITH RECURSIVE hours(hour) AS (SELECT \(bound("max", newest)) \
            UNION ALL SELECT hour - 1 FROM hours WHERE hour > \(bound("min", oldest))) SELECT hour FROM hours)
            """
    }

    /// Turns `pageSize + 1` fetched rows into a page and its cursor.
    static func page(_ rows: [StoredTransaction], _ query: TransactionQuery) -> TransactionPage {
        guard rows.count > query.pageSize else { return TransactionPage(rows: rows, nextCursor: nil) }
        let kept = Array(rows.prefix(query.pageSize))
        let last = kept[kept.count - 1]
        return TransactionPage(rows: kept, nextCursor: TransactionCursor(eventTime: last.scored.transaction.eventTime, transNum: last.transNum))
    }

    static func labelled(after watermark: LabelWatermark?, limit: Int, _ dialect: SQLDialect) -> SQLStatement {
        var statement = SQLStatement(dialect, "SELECT \(StoreSchema.transactionSelectList) FROM transactions")
        var conditions = ["true_value IS NOT NULL"]
        if let watermark {
            conditions.append(keyset(&statement, watermark.labeledAt, watermark.transNum, column: "labeled_at", comparison: ">"))
        }
        statement.appendWhere(conditions)
        statement.sql += " ORDER BY labeled_at, trans_num LIMIT \(min(max(limit, 1), 100_000))"
        return statement
    }

    static func alerts(_ query: AlertQuery, _ dialect: SQLDialect) -> SQLStatement {
        let columns = AlertRecord.selectList.split(separator: ", ").map { "a.\($0)" }.joined(separator: ", ")
        var statement = SQLStatement(dialect, "SELECT \(columns) FROM alerts a")
        var conditions: [String] = []
        if query.unlabelledOnly {
            statement.sql += " LEFT JOIN transactions t ON " + dialect.transactionLookup("t", transNum: "a.trans_num")
            conditions.append("t.true_value IS NULL")
        }
        if let from = query.from { conditions.append("a.raised_at >= " + statement.bind(.int(from.millisecondsSinceEpoch))) }
        if let to = query.to { conditions.append("a.raised_at < " + statement.bind(.int(to.millisecondsSinceEpoch))) }
        statement.appendWhere(conditions)
        statement.sql += " ORDER BY a.raised_at DESC, a.trans_num DESC LIMIT \(min(max(query.limit, 1), 10_000))"
        return statement
    }

    /// Keyset pagination past (`time`, `transNum`): `(column < t OR (column = t AND trans_num < n))` for `<`.
    private static func keyset(_ statement: inout SQLStatement, _ time: EventTime, _ transNum: String, column: String, comparison: String) -> String {
        let first = statement.bind(.int(time.millisecondsSinceEpoch))
        let again = statement.bind(.int(time.millisecondsSinceEpoch))
        let key = statement.bind(.text(transNum))
        return "(\(column) \(comparison) \(first) OR (\(column) = \(again) AND trans_num \(comparison) \(key)))"
    }

    static let counts = """
        SELECT (SELECT COUNT(*) FROM transactions) AS transactions,
               (SELECT COUNT(*) FROM transactions WHERE true_value IS NOT NULL) AS labelled,
               (SELECT COUNT(*) FROM alerts) AS alerts, (SELECT COUNT(*) FROM quarantine) AS quarantined
        """

    static func quarantined(limit: Int) -> String {
        "SELECT \(QuarantinedRecord.selectList) FROM quarantine ORDER BY id DESC LIMIT \(min(max(limit, 1), 10_000))"
    }

    static func driftReports(limit: Int) -> String {
        "SELECT \(DriftReportRecord.selectList) FROM drift_reports ORDER BY id DESC LIMIT \(min(max(limit, 1), 10_000))"
    }

    static func aliasHistory(alias: String?, limit: Int, _ dialect: SQLDialect) -> SQLStatement {
        var statement = SQLStatement(dialect, "SELECT \(AliasHistoryEntry.selectList) FROM alias_history")
        if let alias { statement.sql += " WHERE alias = " + statement.bind(.text(alias)) }
        statement.sql += " ORDER BY id DESC LIMIT \(min(max(limit, 1), 10_000))"
        return statement
    }

    /// Labels with duplicates removed (the last update of a `trans_num` wins), in input order.
    static func deduplicated(_ updates: [LabelUpdate]) -> [LabelUpdate] {
        var lastIndex: [String: Int] = [:]
        for (index, update) in updates.enumerated() { lastIndex[update.transNum] = index }
        return updates.enumerated().filter { lastIndex[$0.element.transNum] == $0.offset }.map(\.element)
    }
}
