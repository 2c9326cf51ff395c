import Hummingbird

/// Requires `Authorization: Bearer <token>` on the routes it guards; does nothing when no token is configured.
/// The token is compared in constant time and never logged.
struct BearerTokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: String?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let token else { return try await next(request, context) }
        guard let header = request.headers[.authorization], Self.matches(header, token: token) else {
            throw APIProblem(.unauthorized, detail: "this route needs the header 'Authorization: Bearer <FRAUD_API_TOKEN>'; it was missing or wrong",
                             field: "Authorization", headers: [.wwwAuthenticate: "Bearer realm=\"fraud\""])
        }
        return try await next(request, context)
    }

    /// Whether `header` is `Bearer <token>`, comparing every byte whatever the first difference.
    static func matches(_ header: String, token: String) -> Bool {
        let given = Array(header.utf8), expected = Array("Bearer \(token)".utf8)
        var difference = UInt8(given.count == expected.count ? 0 : 1)
        for index in expected.indices {
            difference |= (index < given.count ? given[index] : 0) ^ expected[index]
        }
        return difference == 0
    }
}
