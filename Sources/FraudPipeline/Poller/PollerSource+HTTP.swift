import AsyncHTTPClient
import FraudAlerting
import NIOCore

extension PollerSource {
    /// How one HTTP call ended.
    enum Response {
        /// 2xx, with the body.
        case body([UInt8])
        /// 429, with the wait the server asked for.
        case rateLimited(retryAfter: Duration?)
        /// No usable answer: connection error, timeout, body too large, or another status.
        case failed(reason: String)
    }

    /// One GET of the configured URL, body included, within `timeout`; never throws.
    ///
    /// async-http-client's own deadline ends when the response head arrives, so the whole exchange is raced
    /// against a timer here: a server that stops sending mid-body cannot hold the poller.
    func fetch() async -> Response {
        let timeout = configuration.timeout
        return await withTaskGroup(of: Response?.self) { group in
            group.addTask { await exchange() }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first ?? .failed(reason: "GET \(configuration.redactedURL): no complete answer within \(timeout)")
        }
    }

    /// The request and the body.
    private func exchange() async -> Response {
        var request = HTTPClientRequest(url: configuration.url)
        request.method = .GET
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "User-Agent", value: "fraud-poller/1")
        do {
            let response = try await client.execute(request, timeout: .milliseconds(configuration.timeout.milliseconds))
            let body = try await response.body.collect(upTo: configuration.maxBodyBytes)
            let code = Int(response.status.code)
            switch code {
            case 200..<300:
                return .body(Array(buffer: body))
            case 429:
                return .rateLimited(retryAfter: RetryAfter.wait(response.headers.first(name: "Retry-After"), now: clock.now))
            default:
                let text = String(buffer: body)
                return .failed(reason: "HTTP \(code)" + (text.isEmpty ? "" : ": " + String(text.prefix(200))))
            }
        } catch {
            return .failed(reason: "GET \(configuration.redactedURL): \(error)")
        }
    }
}
