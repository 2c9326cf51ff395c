/// Which stored payments to list, and which page.
package struct TransactionQuery: Hashable, Sendable {
    /// Whether a payment has a confirmed label (`true_value`).
    package enum LabelFilter: String, Hashable, Sendable, CaseIterable {
        case any, labelled, unlabelled
    }

    /// Event time at or after this (inclusive).
    package var from: EventTime?
    /// Event time before this (exclusive).
    package var to: EventTime?
    /// Only this card.
    package var ccNum: Int64?
    /// Only payments predicted as fraud (`true`) or not (`false`).
    package var prediction: Bool?
    package var label: LabelFilter
    /// Rows per page, 1...10,000.
    package var limit: Int
    /// The `nextCursor` of the previous page; nil for the first page.
    package var cursor: TransactionCursor?

    package init(
        from: EventTime? = nil, to: EventTime? = nil, ccNum: Int64? = nil, prediction: Bool? = nil,
        label: LabelFilter = .any, limit: Int = 100, cursor: TransactionCursor? = nil
    ) {
        self.from = from
        self.to = to
        self.ccNum = ccNum
        self.prediction = prediction
        self.label = label
        self.limit = limit
        self.cursor = cursor
    }

    /// The page size clamped to 1...10,000.
    package var pageSize: Int { min(max(limit, 1), 10_000) }
}

/// Where a page of transactions ended: the last row's event time and `trans_num` (rows are ordered by both, descending).
package struct TransactionCursor: Hashable, Sendable {
    package var eventTime: EventTime
    package var transNum: String

    package init(eventTime: EventTime, transNum: String) {
        self.eventTime = eventTime
        self.transNum = transNum
    }

    /// The cursor as an opaque token for URLs and CLI output: `<milliseconds>:<trans_num>`.
    package var token: String { "\(eventTime.millisecondsSinceEpoch):\(transNum)" }

    /// Parses a `token`.
    /// - Throws: `FieldError` for the `cursor` field when it is not of that form.
    package init(token: String) throws {
        guard let colon = token.firstIndex(of: ":"), let millis = Int64(token[..<colon]), token.index(after: colon) < token.endIndex
        else { throw FieldError(field: "cursor", value: token, reason: "expected <milliseconds>:<trans_num>") }
        self.init(eventTime: EventTime(millisecondsSinceEpoch: millis), transNum: String(token[token.index(after: colon)...]))
    }
}

/// One page of stored payments.
package struct TransactionPage: Hashable, Sendable {
    package var rows: [StoredTransaction]
    /// Pass as `TransactionQuery.cursor` for the next page; nil when this is the last page.
    package var nextCursor: TransactionCursor?

    package init(rows: [StoredTransaction], nextCursor: TransactionCursor?) {
        self.rows = rows
        self.nextCursor = nextCursor
    }
}
