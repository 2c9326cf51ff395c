import FraudCore
import Hummingbird

/// `GET /v1/alerts`: stored alerts, newest first; `?unlabelled=true` gives the analysts' queue.
enum AlertsRoute {
    static func add(to router: some RouterMethods<BasicRequestContext>, state: APIState) {
        router.get("alerts") { request, _ -> Response in
            let parameters = QueryParameters(request: request)
            let query = AlertQuery(from: try parameters.time("from"), to: try parameters.time("to"),
                                   unlabelledOnly: try parameters.bool("unlabelled") ?? false,
                                   limit: try parameters.int("limit", in: 1...10_000, default: 100))
            let alerts = try await state.store.alerts(query)
            var writer = JSONWriter(capacity: 400 * alerts.count + 16)
            writer.beginObject()
            writer.key("alerts")
            writer.beginArray()
            for alert in alerts { PaymentJSON.writeAlert(alert, to: &writer) }
            writer.endArray()
            writer.endObject()
            return JSONResponse.bytes(writer.bytes)
        }
    }
}
