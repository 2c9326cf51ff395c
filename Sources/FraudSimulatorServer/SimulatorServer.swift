import FraudCore
import FraudSimulator
import Hummingbird

/// An HTTP server for the "current transactions" API (DESIGN.md §4), fed by the simulator, so the
/// real-time poller has a real HTTP source offline.
///
/// `GET /current-transactions` returns the next payment (or `?n=` payments, at most
/// `maxRowsPerCall`) as the API does: a JSON string holding the pandas `orient="split"` object.
package struct SimulatorServer: Sendable {
    /// Settings of the server.
    package struct Configuration: Sendable {
        /// Address to bind (default 127.0.0.1).
        package var host: String
        /// Port (0 picks a free one).
        package var port: Int
        /// Calls answered per minute before HTTP 429 with `Retry-After` (0 = unlimited; the public API allows about 5).
        package var callsPerMinute: Int
        /// Rows of the previous answer repeated at the start of each answer, as a live API returns the
        /// same current payment to calls close together (0 = none, the default).
        package var repeatedRows: Int
        /// The largest `n` a call may ask for.
        package var maxRowsPerCall: Int

        /// Settings with their defaults; see each property.
        package init(
            host: String = "127.0.0.1", port: Int = 8000, callsPerMinute: Int = 0, repeatedRows: Int = 0,
            maxRowsPerCall: Int = 10_000
        ) {
            self.host = host
            self.port = port
            self.callsPerMinute = callsPerMinute
            self.repeatedRows = repeatedRows
            self.maxRowsPerCall = maxRowsPerCall
        }
    }

    private let configuration: Configuration
    private let feed: SimulatorFeed

    /// A server handing out the payments of `simulator`.
    package init(simulator: PaymentSimulator, configuration: Configuration = Configuration()) {
        self.configuration = configuration
        self.feed = SimulatorFeed(
            simulator: simulator, callsPerMinute: configuration.callsPerMinute, repeatedRows: configuration.repeatedRows)
    }

    /// The Hummingbird application (run it with `runService()`, or test it with HummingbirdTesting).
    package func application(onServerRunning: (@Sendable (Int) async -> Void)? = nil) -> some ApplicationProtocol {
        let router = Router()
        let feed = self.feed
        let maxRows = configuration.maxRowsPerCall
        router.get("current-transactions") { request, _ -> Response in
            try await Self.currentTransactions(request, feed: feed, maxRows: maxRows)
        }
        router.get("healthz") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: "{\"status\":\"ok\"}")))
        }
        return Application(
            router: router,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "fraud-simulator"),
            onServerRunning: { channel in await onServerRunning?(channel.localAddress?.port ?? 0) }
        )
    }

    /// Runs until the process is stopped (SIGINT/SIGTERM end it gracefully).
    package func run(onServerRunning: (@Sendable (Int) async -> Void)? = nil) async throws {
        try await application(onServerRunning: onServerRunning).runService()
    }

    private static func currentTransactions(_ request: Request, feed: SimulatorFeed, maxRows: Int) async throws -> Response {
        var count = 1
        if let text = request.uri.queryParameters["n"] {
            guard let value = Int(String(text)), (1...maxRows).contains(value) else {
                return problem(.badRequest, detail: "query parameter 'n' must be an integer in 1...\(maxRows), got '\(text)'")
            }
            count = value
        }
        switch await feed.take(count) {
        case .payments(let payments):
            let body = CurrentTransactionsFormat.encode(payments)
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: body)))
        case .rateLimited(let seconds):
            var response = problem(.tooManyRequests, detail: "rate limit reached; retry after \(seconds) s")
            response.headers[.retryAfter] = String(seconds)
            return response
        }
    }

    /// An RFC 9457 problem-details response.
    private static func problem(_ status: HTTPResponse.Status, detail: String) -> Response {
        var body = "{\"type\":\"about:blank\",\"status\":\(status.code),\"title\":"
        body += JSONWriter.quoted(status.reasonPhrase)
        body += ",\"detail\":"
        body += JSONWriter.quoted(detail)
        body += "}"
        return Response(status: status, headers: [.contentType: "application/problem+json"], body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
