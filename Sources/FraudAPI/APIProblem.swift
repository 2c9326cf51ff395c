import FraudCore
import Foundation
import Hummingbird

/// An error answered as RFC 9457 problem details (`application/problem+json`): the status, a title,
/// what was wrong, and the request field at fault.
struct APIProblem: Error, Sendable {
    var status: HTTPResponse.Status
    /// A short summary of the kind of problem.
    var title: String
    /// What was wrong with this request.
    var detail: String
    /// The request field (body member, query parameter, path parameter or header) at fault, if one is.
    var field: String?
    /// Extra response headers (e.g. `WWW-Authenticate`).
    var headers: HTTPFields

    init(_ status: HTTPResponse.Status, title: String? = nil, detail: String, field: String? = nil, headers: HTTPFields = [:]) {
        self.status = status
        self.title = title ?? status.reasonPhrase
        self.detail = detail
        self.field = field
        self.headers = headers
    }

    /// A 400 naming the field and the problem.
    static func invalid(_ field: String, _ detail: String) -> APIProblem {
        APIProblem(.badRequest, title: "Invalid request field", detail: "\(field): \(detail)", field: field)
    }

    /// The problem body: `type`, `title`, `status`, `detail` and, when known, `field`.
    var json: String {
        var body = "{\"type\":\"about:blank\",\"title\":\(JSONWriter.quoted(title)),\"status\":\(status.code),\"detail\":\(JSONWriter.quoted(detail))"
        if let field { body += ",\"field\":\(JSONWriter.quoted(field))" }
        return body + "}"
    }

    /// The HTTP response.
    var response: Response {
        var headers = headers
        headers[.contentType] = "application/problem+json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: json)))
    }
}

extension APIProblem {
    /// The problem an error thrown while answering `request` stands for; `maxBodyBytes` is named in 413 answers.
    init(mapping error: any Error, request: Request, maxBodyBytes: Int) {
        switch error {
        case let problem as APIProblem:
            self = problem
        case let error as FieldError:
            self = APIProblem(.badRequest, title: "Invalid request field", detail: error.description, field: error.field)
        case let error as StoreError:
            self.init(storeError: error)
        case let error as FeatureStateError:
            self.init(featureStateError: error)
        case let error as DecodingError:
            self.init(decodingError: error)
        case let error as any HTTPResponseError:
            switch error.status {
            case .contentTooLarge:
                self = APIProblem(.contentTooLarge, detail: "the request body is larger than the limit of \(maxBodyBytes) bytes", field: "body")
            case .notFound:
                self = APIProblem(.notFound, detail: "no route \(request.method) \(request.uri.path)")
            case .methodNotAllowed:
                self = APIProblem(.methodNotAllowed, detail: "\(request.method) is not allowed on \(request.uri.path)")
            default:
                self = APIProblem(error.status, detail: (error as? HTTPError)?.body ?? error.status.reasonPhrase)
            }
        default:
            self = APIProblem(.internalServerError, detail: "the request could not be answered; the server log has the error")
        }
    }

    private init(storeError error: StoreError) {
        switch error.kind {
        case .unknownTransactions:
            self = APIProblem(.unprocessableContent, title: "Unknown payment", detail: error.description, field: "trans_num")
        case .unknownVersion:
            self = APIProblem(.notFound, title: "Unknown model version", detail: error.description, field: "version")
        case .aliasConflict:
            self = APIProblem(.conflict, title: "Alias moved meanwhile", detail: error.description)
        case .invalidParameter(let name, _):
            self = APIProblem(.badRequest, title: "Invalid request field", detail: error.description, field: name)
        case .unavailable:
            self = APIProblem(.serviceUnavailable, title: "Database unavailable", detail: error.description)
        default:
            self = APIProblem(.internalServerError, detail: "the database failed: \(error.description)")
        }
    }

    /// 503 while the state cannot be read (retry later, or score with `history=request`); 500 when a card's state is
    /// damaged: the server cannot score that card with its history until the state is repaired.
    private init(featureStateError error: FeatureStateError) {
        switch error.kind {
        case .unavailable:
            self = APIProblem(.serviceUnavailable, title: "Feature state unavailable", detail: "\(error.message); history=request scores without it")
        case .damaged:
            self = APIProblem(.internalServerError, title: "Feature state damaged", detail: "\(error.message); history=request scores without it")
        case .invalidArgument:
            self = APIProblem(.internalServerError, title: "Feature state unusable", detail: error.message)
        }
    }

    private init(decodingError error: DecodingError) {
        func path(_ context: DecodingError.Context, appending key: (any CodingKey)? = nil) -> String {
            let keys = context.codingPath + (key.map { [$0] } ?? [])
            let text = keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return text.hasPrefix(".") ? String(text.dropFirst()) : (text.isEmpty ? "body" : text)
        }
        switch error {
        case .keyNotFound(let key, let context): self = .invalid(path(context, appending: key), "missing")
        case .typeMismatch(let type, let context): self = .invalid(path(context), "expected \(Self.jsonType(type))")
        case .valueNotFound(let type, let context): self = .invalid(path(context), "expected \(Self.jsonType(type)), got null")
        case .dataCorrupted(let context): self = .invalid(path(context), "not valid JSON")
        @unknown default: self = .invalid("body", "not valid JSON")
        }
    }

    private static func jsonType(_ type: Any.Type) -> String {
        switch type {
        case is Bool.Type: "a boolean"
        case is String.Type: "a string"
        case is Int.Type, is Double.Type: "a number"
        case is [Any].Type: "an array"
        default: "an object"
        }
    }
}
