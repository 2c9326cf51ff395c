import Hummingbird
import Logging

/// Answers every error as problem details (`APIProblem`); server errors are logged with the route, never with headers.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    let maxBodyBytes: Int
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let problem = APIProblem(mapping: error, request: request, maxBodyBytes: maxBodyBytes)
            if problem.status.code >= 500 {
                logger.error("\(request.method) \(request.uri.path) failed: \(error)")
            }
            return problem.response
        }
    }
}
