import Hummingbird

/// Answers only requests whose `Host` the allow-list accepts: another one is a 421, a missing one a 400, both naming
/// the `Host` header.
struct HostMiddleware<Context: RequestContext>: RouterMiddleware {
    let allowList: HostAllowList

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let host = request.head.authority else {
            throw APIProblem(.badRequest, detail: "the Host header is missing", field: "Host")
        }
        guard allowList.allows(host) else {
            throw APIProblem(.misdirectedRequest, detail: """
                Host '\(host)' is not a name of this server: use its IP address or localhost, or start it with \
                --allowed-host \(HostAllowList.hostPart(of: host))
                """, field: "Host")
        }
        return try await next(request, context)
    }
}
