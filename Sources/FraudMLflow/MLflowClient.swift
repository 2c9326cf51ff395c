import AsyncHTTPClient
import FraudCore
import Foundation
import NIOCore
import NIOHTTP1

/// A small client of MLflow's tracking and model registry REST API (`/api/2.0/mlflow/...`).
///
/// Every call throws `MLflowError`, carrying MLflow's `error_code` and `message` when the server answered.
/// Calls are facets: `MLflowClient+Experiments`, `+Runs`, `+Registry`.
package struct MLflowClient: Sendable {
    /// Where the tracking server is and how to reach it.
    package struct Configuration: Hashable, Sendable {
        /// The tracking server, e.g. `http://127.0.0.1:5000` (a path prefix is kept).
        package var url: String
        /// Deadline of one call. Default 30 s.
        package var timeout: Duration
        /// Sent as `Authorization: Bearer <token>` when set (MLflow's `MLFLOW_TRACKING_TOKEN`; never logged).
        package var token: String?

        /// A configuration for the server at `url`.
        package init(url: String, timeout: Duration = .seconds(30), token: String? = nil) {
            self.url = url
            self.timeout = timeout
            self.token = token
        }
    }

    /// Where the server is and how to reach it.
    package let configuration: Configuration
    /// The server URL without trailing slashes.
    private let root: String
    private let client: HTTPClient

    /// A client calling through `client` (the process-wide shared client by default).
    /// - Throws: `MLflowError` when `configuration.url` is not an `http(s)://host[:port][/path]` URL.
    package init(configuration: Configuration, client: HTTPClient = .shared) throws {
        guard let url = URL(string: configuration.url), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", url.host != nil, url.query == nil
        else {
            throw MLflowError(operation: "configuration", message: "url '\(configuration.url)' is not an http(s)://host[:port] URL")
        }
        self.configuration = configuration
        var root = configuration.url
        while root.hasSuffix("/") { root.removeLast() }
        self.root = root
        self.client = client
    }

    /// The REST API's prefix: calls are `api/2.0/mlflow/<path>`.
    static let api = "api/2.0/mlflow/"

    /// `GET <path>?<query>`, decoding the answer as `Answer`.
    func get<Answer: Decodable>(_ path: String, query: [(String, String)], as: Answer.Type = Answer.self) async throws -> Answer {
        let encoded = query.map { Self.percentEncoded($0.0) + "=" + Self.percentEncoded($0.1) }.joined(separator: "&")
        return try await call(.GET, Self.api + path, query: encoded, body: nil, contentType: nil, as: Answer.self)
    }

    /// `<method> <path>` with `body` as JSON (snake_case keys), decoding the answer as `Answer`.
    func send<Answer: Decodable>(_ method: HTTPMethod, _ path: String, body: some Encodable,
                                 as: Answer.Type = Answer.self) async throws -> Answer {
        let operation = "\(method.rawValue) \(path)"
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let data: Data
        do {
            data = try encoder.encode(body)
        } catch {
            throw MLflowError(operation: operation, message: "cannot encode the request: \(error)")
        }
        return try await call(method, Self.api + path, query: "", body: data, contentType: "application/json", as: Answer.self)
    }

    /// The status and body of `request`.
    private func execute(_ request: HTTPClientRequest) async throws -> (Int, ByteBuffer) {
        let response = try await client.execute(request, timeout: .milliseconds(configuration.timeout.milliseconds))
        return (Int(response.status.code), try await response.body.collect(upTo: 16 * 1024 * 1024))
    }

    /// `<method> <server>/<path>` with `body` as is; `path` is relative to the server URL, e.g. `api/2.0/mlflow/runs/get`.
    func call<Answer: Decodable>(_ method: HTTPMethod, _ path: String, query: String, body: Data?, contentType: String?,
                                 as: Answer.Type) async throws -> Answer {
        let operation = "\(method.rawValue) \(path.hasPrefix(Self.api) ? String(path.dropFirst(Self.api.count)) : path)"
        var request = HTTPClientRequest(url: root + "/" + path + (query.isEmpty ? "" : "?" + query))
        request.method = method
        request.headers.add(name: "User-Agent", value: "fraud-mlflow/1")
        if let token = configuration.token { request.headers.add(name: "Authorization", value: "Bearer " + token) }
        if let contentType { request.headers.add(name: "Content-Type", value: contentType) }
        // One connection per request: a kept-alive connection the server closes as a request goes out on it (its
        // keep-alive timeout is short) would lose that request, and a write cannot safely be sent twice. The mirror
        // sends a few requests per training run or promotion, so the connects cost nothing that matters.
        request.headers.add(name: "Connection", value: "close")
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let status: Int
        let answer: ByteBuffer
        do {
            (status, answer) = try await execute(request)
        } catch {
            throw MLflowError(operation: operation, message: "no answer from \(redactedBase): \(error)")
        }
        let bytes = Data(answer.readableBytesView)
        guard (200..<300).contains(status) else { throw Self.failure(operation: operation, status: status, body: bytes) }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return try decoder.decode(Answer.self, from: bytes.isEmpty ? Data("{}".utf8) : bytes)
        } catch {
            throw MLflowError(operation: operation, status: status,
                              message: "unexpected answer \(String(decoding: bytes.prefix(300), as: UTF8.self)): \(error)")
        }
    }

    /// MLflow's error body `{"error_code": ..., "message": ...}`, or the start of whatever else came back.
    static func failure(operation: String, status: Int, body: Data) -> MLflowError {
        struct Failure: Decodable {
            var errorCode: String?
            var message: String?
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        if let failure = try? decoder.decode(Failure.self, from: body), failure.errorCode != nil || failure.message != nil {
            return MLflowError(operation: operation, status: status, errorCode: failure.errorCode, message: failure.message ?? "")
        }
        return MLflowError(operation: operation, status: status, message: String(decoding: body.prefix(300), as: UTF8.self))
    }

    /// RFC 3986 unreserved characters stay; everything else (`+`, `=`, `'`, spaces) is percent-encoded.
    static func percentEncoded(_ text: String) -> String {
        var unreserved = CharacterSet(charactersIn: "-._~")
        unreserved.formUnion(CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"))
        return text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    /// Scheme, host and port only: user info or a path may hold secrets.
    private var redactedBase: String {
        guard let url = URL(string: configuration.url), let scheme = url.scheme, let host = url.host else { return "<mlflow>" }
        return scheme + "://" + host + (url.port.map { ":\($0)" } ?? "")
    }
}

/// An answer with nothing in it (`{}`).
struct MLflowEmpty: Codable {}
