import FraudCore
import FraudRuntime
import Hummingbird
import Metrics

/// `POST /v1/payments`: accepts one payment or an array into `payments.raw`, answering only once the bus has durably
/// written them all; an invalid payment refuses the whole request (400 naming the element and field).
///
/// Without `decide`: 202 with the count and the `trans_num`s. With `?decide=true`: 200 with the decisions, as
/// `POST /v1/score` answers them (online history by default), made before anything is sent, so a payment that cannot
/// be scored is not ingested either.
enum PaymentsRoute {
    /// The query parameters accepted.
    static let queryNames = ["decide"] + RequestScoring.queryNames

    static func add(to router: some RouterMethods<BasicRequestContext>, state: APIState) {
        router.post("payments") { request, _ -> Response in
            let body = try await state.body(request)
            let query = try QueryParameters(request: request, accepting: queryNames)
            let scoring = try query.bool("decide") == true ? try RequestScoring(query, state: state) : nil
            let decoded = try body.withUnsafeReadableBytes { bytes throws(FieldError) in try Transaction.decodeJSONPayments(bytes) }
            let payments = decoded.payments
            guard !payments.isEmpty else { throw APIProblem.invalid("body", "an empty array: send at least one payment") }
            let decisions = try await scoring?.answer(payments, isBatch: decoded.isBatch, state: state)
            try await state.ingest.send(payments)
            Counter(label: MetricNames.apiPaymentsIngested).increment(by: payments.count)
            return decisions.map { JSONResponse.bytes($0) } ?? JSONResponse.bytes(accepted(payments), status: .accepted)
        }
    }

    /// `{"accepted": count, "trans_nums": [...]}`.
    private static func accepted(_ payments: [Transaction]) -> [UInt8] {
        var writer = JSONWriter(capacity: 48 * payments.count + 32)
        writer.beginObject()
        writer.member("accepted", Int64(payments.count))
        writer.key("trans_nums")
        writer.beginArray()
        for payment in payments { writer.string(payment.transNum) }
        writer.endArray()
        writer.endObject()
        return writer.bytes
    }
}
