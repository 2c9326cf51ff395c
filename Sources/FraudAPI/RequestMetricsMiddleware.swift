import FraudRuntime
import Hummingbird
import Metrics

/// Counts requests by method, route and status, and times them by method and route.
struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let route = context.endpointPath ?? "unmatched"
        let method = request.method.rawValue
        Counter(label: MetricNames.apiRequests, dimensions: [("method", method), ("route", route), ("status", String(response.status.code))])
            .increment()
        Metrics.Timer(label: MetricNames.apiRequestDuration, dimensions: [("method", method), ("route", route)])
            .record(duration: ContinuousClock.now - start)
        return response
    }
}
