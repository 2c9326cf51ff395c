import HTTPTypes
import Hummingbird

/// Adds the browser security headers to every response: a Content-Security-Policy allowing only this server's own
/// scripts, styles and calls and no framing, `X-Frame-Options: DENY` for older browsers, `X-Content-Type-Options:
/// nosniff`, `Referrer-Policy: no-referrer`, and `Cache-Control: no-store` unless the route set its own (only the
/// pages and assets, which hold no data, may be cached), so that no browser or proxy keeps a copy of answers that hold
/// payments and card numbers.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    let headers: HTTPFields = [
        .contentSecurityPolicy: "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'",
        .xFrameOptions: "DENY",
        .xContentTypeOptions: "nosniff",
        .referrerPolicy: "no-referrer",
    ]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers.append(contentsOf: headers)
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}

extension HTTPField.Name {
    static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
}
