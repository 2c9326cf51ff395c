import FraudCore
import Hummingbird

/// `GET /v1/transactions`: stored payments, newest event time first, filtered, a page at a time (`next_cursor`). Card
/// numbers are masked unless `full_card=true` (`CardNumberAccess`).
enum TransactionsRoute {
    /// The query parameters accepted.
    static let queryNames = ["from", "to", "cc_num", "prediction", "label", "limit", "cursor", "full_card"]

    static func add(to router: some RouterMethods<BasicRequestContext>, state: APIState) {
        router.get("transactions") { request, _ -> Response in
            let parameters = try QueryParameters(request: request, accepting: queryNames)
            let fullCardNumbers = try CardNumberAccess.showsFullNumbers(parameters, tokens: state.configuration.tokens)
            let page = try await state.store.transactions(try query(parameters))
            var bytes = Array("{\"transactions\":[".utf8)
            bytes.reserveCapacity(900 * page.rows.count + 64)
            for (index, row) in page.rows.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                PaymentJSON.storedTransaction(row, fullCardNumber: fullCardNumbers, into: &bytes)
            }
            bytes.append(contentsOf: "],\"next_cursor\":".utf8)
            if let cursor = page.nextCursor { JSONWriter.appendQuoted(cursor.token, to: &bytes) } else { bytes.append(contentsOf: "null".utf8) }
            bytes.append(UInt8(ascii: "}"))
            return JSONResponse.bytes(bytes)
        }
    }

    /// The store query of the request's parameters.
    static func query(_ parameters: QueryParameters) throws -> TransactionQuery {
        let labelText = try parameters.choice("label", TransactionQuery.LabelFilter.allCases.map(\.rawValue), default: "any")
        var cursor: TransactionCursor?
        if let token = parameters.string("cursor") {
            guard !token.contains("\u{0}") else { throw APIProblem.invalid("cursor", "contains a NUL character") }
            cursor = try TransactionCursor(token: token)
        }
        return TransactionQuery(
            from: try parameters.time("from"), to: try parameters.time("to"), ccNum: try parameters.positiveInt64("cc_num"),
            prediction: try parameters.bool("prediction"), label: TransactionQuery.LabelFilter(rawValue: labelText) ?? .any,
            limit: try parameters.int("limit", in: 1...10_000, default: 100), cursor: cursor)
    }
}
