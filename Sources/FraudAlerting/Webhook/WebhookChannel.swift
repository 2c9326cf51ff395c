import AsyncHTTPClient
import FraudCore
import Foundation
import NIOCore
import NIOHTTP1

/// Delivers alerts as an HTTP POST of JSON (`WebhookPayload`), Slack-compatible through its `text` field.
///
/// 2xx is delivered; 408, 429, 5xx, timeouts and connection errors are transient (retried by the
/// dispatcher); any other status is permanent. Redirects are not followed.
package struct WebhookChannel: AlertChannel {
    /// Where and how to POST.
    package struct Configuration: Hashable, Sendable {
        /// The endpoint, `http://` or `https://`.
        package var url: String
        /// Deadline of one attempt, connection included. Default 10 s.
        package var timeout: Duration
        /// Sent as `Authorization: Bearer <token>` when set (from `FRAUD_ALERT_WEBHOOK_TOKEN`; never logged).
        package var bearerToken: String?
        /// Extra headers, e.g. a shared-secret header the receiver checks.
        package var headers: [String: String]

        package init(url: String, timeout: Duration = .seconds(10), bearerToken: String? = nil, headers: [String: String] = [:]) {
            self.url = url
            self.timeout = timeout
            self.bearerToken = bearerToken
            self.headers = headers
        }
    }

    package let name = "webhook"
    package let configuration: Configuration
    private let client: HTTPClient

    /// A channel posting through `client` (the process-wide shared client by default).
    package init(configuration: Configuration, client: HTTPClient = .shared) throws(ConfigurationError) {
        guard let url = URL(string: configuration.url), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", url.host != nil
        else {
            throw ConfigurationError(parameter: "url", value: configuration.url, reason: "not an http(s) URL")
        }
        self.configuration = configuration
        self.client = client
    }

    package func deliver(_ message: AlertMessage) async throws(AlertChannelError) -> String? {
        var request = HTTPClientRequest(url: configuration.url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "User-Agent", value: "fraud-alerter/1")
        request.headers.add(name: "Idempotency-Key", value: message.deduplicationKey)
        if let token = configuration.bearerToken { request.headers.add(name: "Authorization", value: "Bearer " + token) }
        for (header, value) in configuration.headers { request.headers.replaceOrAdd(name: header, value: value) }
        request.body = .bytes(ByteBuffer(bytes: WebhookPayload(message).encoded()))

        let status: HTTPResponseStatus
        let headers: HTTPHeaders
        let body: String
        do {
            let response = try await client.execute(request, timeout: .milliseconds(configuration.timeout.milliseconds))
            status = response.status
            headers = response.headers
            let bytes = try await response.body.collect(upTo: 64 * 1024)
            body = String(buffer: bytes)
        } catch {
            throw .transient("webhook POST \(redacted(configuration.url)): \(error)")
        }
        return try Self.classify(status: status, headers: headers, body: body, url: redacted(configuration.url))
    }

    /// Maps a response to delivered (a note) or an `AlertChannelError`.
    package static func classify(status: HTTPResponseStatus, headers: HTTPHeaders, body: String, url: String)
        throws(AlertChannelError) -> String
    {
        let code = Int(status.code)
        let reply = "HTTP \(code)" + (body.isEmpty ? "" : ": " + String(body.prefix(200)))
        if (200..<300).contains(code) { return reply }
        let reason = "webhook POST \(url) answered \(reply)"
        if code == 408 || code == 429 || (500..<600).contains(code) {
            let retryAfter = headers.first(name: "Retry-After").flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            throw .transient(reason, retryAfter: retryAfter.map { .seconds($0) })
        }
        throw .permanent(reason)
    }

    /// The URL without query string or user info, which may hold secrets (Slack hook paths are tokens too,
    /// so only scheme, host and port are kept).
    private func redacted(_ url: String) -> String {
        guard let parsed = URL(string: url), let scheme = parsed.scheme, let host = parsed.host else { return "<webhook>" }
        return scheme + "://" + host + (parsed.port.map { ":\($0)" } ?? "") + "/…"
    }
}
