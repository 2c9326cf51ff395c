import HTTPTypes
import Hummingbird

/// Refuses writes a browser sends on behalf of another site (cross-site request forgery): on methods other than GET,
/// HEAD and OPTIONS, `Sec-Fetch-Site` other than `same-origin` or `none`, or an `Origin` whose host and port are not
/// the request's `Host`, is a 403 naming the header. Requests with neither header (curl, scripts) pass.
struct SameOriginMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if !request.method.isSafe {
            if let site = request.headers[.secFetchSite], site != "same-origin", site != "none" {
                throw APIProblem(.forbidden, detail: "Sec-Fetch-Site '\(site)': writes are only accepted from this server's own pages",
                                 field: "Sec-Fetch-Site")
            }
            if let origin = request.headers[.origin], !Self.isSameOrigin(origin, host: request.head.authority) {
                throw APIProblem(.forbidden, detail: "Origin '\(origin)' is not this server (\(request.head.authority ?? "no Host")): cross-origin writes are refused",
                                 field: "Origin")
            }
        }
        return try await next(request, context)
    }

    /// Whether `origin` (`scheme://host[:port]`) names `host` (the `Host` header), ports compared after dropping the
    /// scheme's default one.
    static func isSameOrigin(_ origin: String, host: String?) -> Bool {
        guard let host, let separator = origin.range(of: "://") else { return false }
        let scheme = origin[..<separator.lowerBound].lowercased()
        let defaultPort = scheme == "https" ? ":443" : scheme == "http" ? ":80" : nil
        func normalized(_ authority: some StringProtocol) -> String {
            let lower = authority.lowercased()
            guard let defaultPort, lower.hasSuffix(defaultPort) else { return lower }
            return String(lower.dropLast(defaultPort.count))
        }
        return normalized(origin[separator.upperBound...]) == normalized(host)
    }
}

extension HTTPField.Name {
    /// `Sec-Fetch-Site` (Fetch metadata): whether a browser's request comes from the same origin, site, or elsewhere.
    static let secFetchSite = HTTPField.Name("Sec-Fetch-Site")!
}

extension HTTPRequest.Method {
    /// GET, HEAD and OPTIONS: methods that change nothing, which browsers send across sites freely.
    var isSafe: Bool { self == .get || self == .head || self == .options }
}
