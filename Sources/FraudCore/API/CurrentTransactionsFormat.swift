/// The real-time payments API's `GET /current-transactions` body: a JSON *string* whose content is
/// JSON in pandas `orient="split"` form (`columns`, `index`, `data`), one or more rows.
///
/// `current_time` (epoch milliseconds) becomes `Transaction.eventTime`; `unixTime` stays `nil`.
/// `is_fraud` becomes `Transaction.label`, `index` becomes `rowIndex`.
public enum CurrentTransactionsFormat {
    /// The rows of one response: those that decoded, and those that did not.
    public struct Batch: Hashable, Sendable {
        /// Well-formed payments, in payload order.
        public var transactions: [Transaction]
        /// Rows that could not be read; `position` is the row's 0-based position in `data`.
        public var quarantined: [QuarantinedRecord]
    }

    /// Decodes a response body.
    ///
    /// The double-encoded form is the API's; a body that is directly the split-form object is
    /// accepted too. Columns are located by name in any order. A malformed row is quarantined
    /// (naming its field) and never stops the others.
    /// - Parameter source: the `source` written into quarantine records, e.g. the URL polled.
    /// - Throws: `CurrentTransactionsError` when the envelope itself is unreadable.
    public static func decode(_ body: some Collection<UInt8>, source: String = "api") throws -> Batch {
        let payload = try splitObject(APIJSONValue.parse(body))
        guard case .array(let columnValues)? = payload["columns"] else {
            throw CurrentTransactionsError.badMember("columns", expected: "an array of column names", found: payload["columns"]?.typeName ?? "nothing")
        }
        guard case .array(let rows)? = payload["data"] else {
            throw CurrentTransactionsError.badMember("data", expected: "an array of rows", found: payload["data"]?.typeName ?? "nothing")
        }
        let index: [APIJSONValue]?
        switch payload["index"] {
        case nil, .null?: index = nil
        case .array(let values)?: index = values
        case let other?: throw CurrentTransactionsError.badMember("index", expected: "an array", found: other.typeName)
        }
        if let index, index.count != rows.count { throw CurrentTransactionsError.indexCount(index.count, rows: rows.count) }
        let layout = try ColumnLayout(columnValues)

        var batch = Batch(transactions: [], quarantined: [])
        batch.transactions.reserveCapacity(rows.count)
        for (position, row) in rows.enumerated() {
            let indexValue = index?[position]
            do {
                batch.transactions.append(try layout.transaction(row: row, index: indexValue))
            } catch let error as FieldError {
                let raw = APIJSONValue.object(["index": indexValue ?? .null, "row": row]).jsonText
                batch.quarantined.append(QuarantinedRecord(source: source, position: Int64(position), error: error, raw: raw))
            }
        }
        return batch
    }

    /// Decodes a response body given as text.
    public static func decode(_ body: String, source: String = "api") throws -> Batch {
        try decode(Array(body.utf8), source: source)
    }

    /// Encodes payments as the API does: the split-form object, serialised, then serialised again
    /// as a JSON string. A missing `rowIndex` is written as the row's position in `transactions`.
    public static func encode(_ transactions: some Collection<Transaction>) -> String {
        var body = ""
        JSONText.appendString(encodeObject(transactions), to: &body)
        return body
    }

    /// The inner split-form object alone (what `json.loads(body)` yields in Python).
    public static func encodeObject(_ transactions: some Collection<Transaction>) -> String {
        var text = "{\"columns\":["
        for (position, column) in CurrentTransactionsColumn.allCases.enumerated() {
            if position > 0 { text += "," }
            JSONText.appendString(column.rawValue, to: &text)
        }
        text += "],\"index\":["
        for (position, transaction) in transactions.enumerated() {
            if position > 0 { text += "," }
            text += String(transaction.rowIndex ?? Int64(position))
        }
        text += "],\"data\":["
        for (position, transaction) in transactions.enumerated() {
            if position > 0 { text += "," }
            appendRow(transaction, to: &text)
        }
        return text + "]}"
    }

    private static func appendRow(_ transaction: Transaction, to text: inout String) {
        text += "["
        for (position, column) in CurrentTransactionsColumn.allCases.enumerated() {
            if position > 0 { text += "," }
            switch column {
            case .ccNum: text += String(transaction.ccNum)
            case .merchant: JSONText.appendString(transaction.merchant, to: &text)
            case .category: JSONText.appendString(transaction.category, to: &text)
            case .amt: text += number(transaction.amount)
            case .first: JSONText.appendString(transaction.firstName, to: &text)
            case .last: JSONText.appendString(transaction.lastName, to: &text)
            case .gender: JSONText.appendString(transaction.gender, to: &text)
            case .street: JSONText.appendString(transaction.street, to: &text)
            case .city: JSONText.appendString(transaction.city, to: &text)
            case .state: JSONText.appendString(transaction.state, to: &text)
            case .zip: text += String(transaction.zip)
            case .lat: text += number(transaction.latitude)
            case .long: text += number(transaction.longitude)
            case .cityPop: text += String(transaction.cityPopulation)
            case .job: JSONText.appendString(transaction.job, to: &text)
            case .dob: JSONText.appendString(transaction.dateOfBirth.iso, to: &text)
            case .transNum: JSONText.appendString(transaction.transNum, to: &text)
            case .merchLat: text += number(transaction.merchantLatitude)
            case .merchLong: text += number(transaction.merchantLongitude)
            case .isFraud: text += transaction.label.map { $0 ? "1" : "0" } ?? "null"
            case .currentTime: text += String(transaction.eventTime.millisecondsSinceEpoch)
            }
        }
        text += "]"
    }

    /// A finite number in the shortest form that reads back to the same `Double`; JSON has no NaN.
    private static func number(_ value: Double) -> String {
        value.isFinite ? value.description : "null"
    }

    /// The split-form object out of the (normally double-encoded) body.
    private static func splitObject(_ outer: APIJSONValue) throws -> [String: APIJSONValue] {
        switch outer {
        case .object(let members):
            return members
        case .string(let inner):
            let value: APIJSONValue
            do {
                value = try APIJSONValue.parse(Array(inner.utf8))
            } catch let error as CurrentTransactionsError {
                throw CurrentTransactionsError.innerNotJSON(reason: error.reason)
            }
            guard case .object(let members) = value else { throw CurrentTransactionsError.notSplitForm(found: "a string holding \(value.typeName)") }
            return members
        default:
            throw CurrentTransactionsError.notSplitForm(found: outer.typeName)
        }
    }
}
