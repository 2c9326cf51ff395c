/// Which stored payments to list, and which page.
public struct TransactionQuery: Hashable, Sendable {
    /// Whether a payment has a confirmed label (`true_value`).
    public enum LabelFilter: String, Hashable, Sendable, CaseIterable {
        case any, labelled, unlabelled
    }

    /// Event time at or after this (inclusive).
    public var from: EventTime?
    /// Event time before this (exclusive).
    public var to: EventTime?
    /// Only this card.
    public var ccNum: Int64?
    /// Only payments predicted as fraud (`true`) or not (`false`).
    public var prediction: Bool?
    public var label: LabelFilter
    /// Rows per page, 1...10,000.
    public var limit: Int
    /// The `nextCursor` of the previous page; nil for the first page.
    public var cursor: TransactionCursor?

    public init(
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
    public var pageSize: Int { min(max(limit, 1), 10_000) }
}

/// Where a page of transactions ended: the last row's event time and `trans_num` (rows are ordered by both, descending).
public struct TransactionCursor: Hashable, Sendable {
    public var eventTime: EventTime
    public var transNum: String

    public init(eventTime: EventTime, transNum: String) {
        self.eventTime = eventTime
        self.transNum = transNum
    }

    /// The cursor as an opaque token for URLs and CLI output: `<milliseconds>:<trans_num>`.
    public var token: String { "\(eventTime.millisecondsSinceEpoch):\(transNum)" }

    /// Parses a `token`.
    /// - Throws: `FieldError` for the `cursor` field when it is not of that form.
    public init(token: String) throws {
        guard let colon = token.firstIndex(of: ":"), let millis = Int64(token[..<colon]), token.index(after: colon) < token.endIndex
        else { throw FieldError(field: "cursor", value: token, reason: "expected <milliseconds>:<trans_num>") }
        self.init(eventTime: EventTime(millisecondsSinceEpoch: millis), transNum: String(token[token.index(after: colon)...]))
    }
}

/// One page of stored payments.
public struct TransactionPage: Hashable, Sendable {
    public var rows: [StoredTransaction]
    /// Pass as `TransactionQuery.cursor` for the next page; nil when this is the last page.
    public var nextCursor: TransactionCursor?

    public init(rows: [StoredTransaction], nextCursor: TransactionCursor?) {
        self.rows = rows
        self.nextCursor = nextCursor
    }
}
