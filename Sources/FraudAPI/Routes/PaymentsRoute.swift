import FraudCore
import Hummingbird
import Metrics

/// `POST /v1/payments`: accepts one payment or an array into `payments.raw`, answering 202 only once the bus has
/// durably written them all; an invalid payment refuses the whole request (400 naming the element and field).
enum PaymentsRoute {
    static func add(to router: some RouterMethods<BasicRequestContext>, state: APIState) {
        router.post("payments") { request, _ -> Response in
            let body = try await state.body(request)
            let payments = try body.withUnsafeReadableBytes { bytes throws(FieldError) in try Transaction.decodeJSONPayments(bytes).payments }
            guard !payments.isEmpty else { throw APIProblem.invalid("body", "an empty array: send at least one payment") }
            try await state.ingest.send(payments)
            Counter(label: APIMetrics.paymentsIngested).increment(by: payments.count)
            var writer = JSONWriter(capacity: 48 * payments.count + 32)
            writer.beginObject()
            writer.key("accepted")
            writer.int(Int64(payments.count))
            writer.key("trans_nums")
            writer.beginArray()
            for payment in payments { writer.string(payment.transNum) }
            writer.endArray()
            writer.endObject()
            return JSONResponse.bytes(writer.bytes, status: .accepted)
        }
    }
}
