/// The real-time payments API's `GET /current-transactions` body: a JSON *string* whose content is
/// JSON in pandas `orient="split"` form (`columns`, `index`, `data`), one or more rows.
///
/// `current_time` (epoch milliseconds) becomes `Transaction.eventTime`; `unixTime` stays `nil`.
/// `is_fraud` becomes `Transaction.label`, `index` becomes `rowIndex`.
package enum CurrentTransactionsFormat {
    /// The rows of one response: those that decoded, and those that did not.
    package struct Batch: Hashable, Sendable {
        /// Well-formed payments, in payload order.
        package var transactions: [Transaction]
        /// Rows that could not be read; `position` is the row's 0-based position in `data`.
        package var quarantined: [QuarantinedRecord]
    }

    /// Decodes a response body.
    ///
    /// The double-encoded form is the API's; a body that is directly the split-form object is
    /// accepted too. Columns are located by name in any order. A malformed row is quarantined
    /// (naming its field) and never stops the others.
    /// - Parameter source: the `source` written into quarantine records, e.g. the URL polled.
    /// - Throws: `CurrentTransactionsError` when the envelope itself is unreadable.
    package static func decode(_ body: some Collection<UInt8>, source: String = "api") throws -> Batch {
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
    package static func decode(_ body: String, source: String = "api") throws -> Batch {
        try decode(Array(body.utf8), source: source)
    }

    /// Encodes payments as the API does: the split-form object, serialised, then serialised again
    /// as a JSON string. A missing `rowIndex` is written as the row's position in `transactions`.
    package static func encode(_ transactions: some Collection<Transaction>) -> String {
        let inner = objectBytes(transactions)
        var body: [UInt8] = []
        body.reserveCapacity(inner.count + inner.count / 4)
        JSONWriter.appendQuoted(String(decoding: inner, as: UTF8.self), to: &body)
        return String(decoding: body, as: UTF8.self)
    }

    /// The inner split-form object alone (what `json.loads(body)` yields in Python).
    package static func encodeObject(_ transactions: some Collection<Transaction>) -> String {
        String(decoding: objectBytes(transactions), as: UTF8.self)
    }

    private static func objectBytes(_ transactions: some Collection<Transaction>) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64 + transactions.count * 400)
        bytes.append(contentsOf: "{\"columns\":[".utf8)
        for (position, column) in CurrentTransactionsColumn.all.enumerated() {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            JSONWriter.appendQuoted(column.name, to: &bytes)
        }
        bytes.append(contentsOf: "],\"index\":[".utf8)
        for (position, transaction) in transactions.enumerated() {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: String(transaction.rowIndex ?? Int64(position)).utf8)
        }
        bytes.append(contentsOf: "],\"data\":[".utf8)
        for (position, transaction) in transactions.enumerated() {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            appendRow(transaction, to: &bytes)
        }
        bytes.append(contentsOf: "]}".utf8)
        return bytes
    }

    private static func appendRow(_ transaction: Transaction, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "["))
        for (position, column) in CurrentTransactionsColumn.all.enumerated() {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            switch column {
            case .field(let field): appendValue(field, of: transaction, to: &bytes)
            case .currentTime: bytes.append(contentsOf: String(transaction.eventTime.millisecondsSinceEpoch).utf8)
            }
        }
        bytes.append(UInt8(ascii: "]"))
    }

    private static func appendValue(_ field: TransactionField, of transaction: Transaction, to bytes: inout [UInt8]) {
        switch field {
        case .ccNum: bytes.append(contentsOf: String(transaction.ccNum).utf8)
        case .merchant: JSONWriter.appendQuoted(transaction.merchant, to: &bytes)
        case .category: JSONWriter.appendQuoted(transaction.category, to: &bytes)
        case .amt: bytes.append(contentsOf: number(transaction.amount).utf8)
        case .first: JSONWriter.appendQuoted(transaction.firstName, to: &bytes)
        case .last: JSONWriter.appendQuoted(transaction.lastName, to: &bytes)
        case .gender: JSONWriter.appendQuoted(transaction.gender, to: &bytes)
        case .street: JSONWriter.appendQuoted(transaction.street, to: &bytes)
        case .city: JSONWriter.appendQuoted(transaction.city, to: &bytes)
        case .state: JSONWriter.appendQuoted(transaction.state, to: &bytes)
        case .zip: bytes.append(contentsOf: String(transaction.zip).utf8)
        case .lat: bytes.append(contentsOf: number(transaction.latitude).utf8)
        case .long: bytes.append(contentsOf: number(transaction.longitude).utf8)
        case .cityPop: bytes.append(contentsOf: String(transaction.cityPopulation).utf8)
        case .job: JSONWriter.appendQuoted(transaction.job, to: &bytes)
        case .dob: JSONWriter.appendQuoted(transaction.dateOfBirth.iso, to: &bytes)
        case .transNum: JSONWriter.appendQuoted(transaction.transNum, to: &bytes)
        case .merchLat: bytes.append(contentsOf: number(transaction.merchantLatitude).utf8)
        case .merchLong: bytes.append(contentsOf: number(transaction.merchantLongitude).utf8)
        case .isFraud: bytes.append(contentsOf: (transaction.label.map { $0 ? "1" : "0" } ?? "null").utf8)
        case .rowIndex, .transDateTransTime, .unixTime: preconditionFailure("\(field) is not a current-transactions column")
        }
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
