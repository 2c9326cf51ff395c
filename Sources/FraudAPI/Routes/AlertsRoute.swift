import FraudCore
import Hummingbird

/// `GET /v1/alerts`: stored alerts, newest first; `?unlabelled=true` gives the analysts' queue. Card numbers are
/// masked unless `full_card=true` (`CardNumberAccess`).
enum AlertsRoute {
    /// The query parameters accepted.
    static let queryNames = ["from", "to", "unlabelled", "limit", "full_card"]

    static func add(to router: some RouterMethods<BasicRequestContext>, state: APIState) {
        router.get("alerts") { request, _ -> Response in
            let parameters = try QueryParameters(request: request, accepting: queryNames)
            let query = AlertQuery(from: try parameters.time("from"), to: try parameters.time("to"),
                                   unlabelledOnly: try parameters.bool("unlabelled") ?? false,
                                   limit: try parameters.int("limit", in: 1...10_000, default: 100))
            let fullCardNumbers = try CardNumberAccess.showsFullNumbers(parameters, tokens: state.configuration.tokens)
            let alerts = try await state.store.alerts(query)
            var writer = JSONWriter(capacity: 400 * alerts.count + 16)
            writer.beginObject()
            writer.key("alerts")
            writer.beginArray()
            for alert in alerts { PaymentJSON.writeAlert(alert, fullCardNumber: fullCardNumbers, to: &writer) }
            writer.endArray()
            writer.endObject()
            return JSONResponse.bytes(writer.bytes)
        }
    }
}
