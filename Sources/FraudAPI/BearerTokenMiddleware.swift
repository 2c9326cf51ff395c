import Hummingbird

/// Requires `Authorization: Bearer <token>` granting `needs` on the routes it guards: 401 when the header is missing
/// or wrong, 403 when the read-only token is used for more than reading. Passes everything on a server without tokens
/// (loopback only). Tokens are never logged.
struct BearerTokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let tokens: APITokens
    let needs: APIAccess

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        switch tokens.access(request.headers[.authorization]) {
        case nil:
            let wanted = needs == .full ? "FRAUD_API_TOKEN" : "FRAUD_API_READ_TOKEN or FRAUD_API_TOKEN"
            throw APIProblem(.unauthorized, detail: "this route needs the header 'Authorization: Bearer <\(wanted)>'; it was missing or wrong",
                             field: "Authorization", headers: [.wwwAuthenticate: "Bearer realm=\"fraud\""])
        case let access? where access < needs:
            throw APIProblem(.forbidden, detail: "the read-only token (FRAUD_API_READ_TOKEN) cannot use this route: it needs FRAUD_API_TOKEN",
                             field: "Authorization")
        default:
            return try await next(request, context)
        }
    }
}
