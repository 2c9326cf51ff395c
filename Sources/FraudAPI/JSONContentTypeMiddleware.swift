import Foundation
import Hummingbird

/// Requires JSON on methods other than GET, HEAD and OPTIONS: a `Content-Type` other than `application/json`
/// (parameters such as `charset` allowed), or a non-empty body without one, is a 415 naming `Content-Type`. A browser
/// cannot send JSON to another site without a CORS preflight, which this server never grants.
struct JSONContentTypeMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The body limit, for reading a body that came without a `Content-Type` (413 beyond it).
    let maxBodyBytes: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard !request.method.isSafe else { return try await next(request, context) }
        var request = request
        if let type = request.headers[.contentType] {
            guard Self.isJSON(type) else {
                throw APIProblem(.unsupportedMediaType, detail: "Content-Type '\(type)': send the body as application/json", field: "Content-Type")
            }
        } else if request.headers[.contentLength] != "0", try await request.collectBody(upTo: maxBodyBytes).readableBytes > 0 {
            // An empty body (the model routes take one as {}) needs no type; a chunked one is read to know.
            throw APIProblem(.unsupportedMediaType, detail: "the Content-Type header is missing: send the body as application/json", field: "Content-Type")
        }
        return try await next(request, context)
    }

    /// Whether a `Content-Type` value is `application/json`, in any case, with or without parameters.
    static func isJSON(_ value: String) -> Bool {
        value.prefix { $0 != ";" }.trimmingCharacters(in: .whitespaces).lowercased() == "application/json"
    }
}
