import FraudAPI
import Testing

/// Slow clients cannot hold connections (issue 14, item 4): a request's head and body must arrive within their
/// timeouts, an idle keep-alive connection is closed, and connections beyond the limit wait until one closes. The
/// timeouts are tiny here and the bounds generous, so a busy machine cannot make the tests fail.
@Suite struct SlowClientTests {
    static func fixture(header: Duration = .seconds(60), body: Duration = .seconds(60), idle: Duration = .seconds(60),
                        maxConnections: Int = 1_000) async throws -> APIFixture {
        try await APIFixture.make(configuration: .init(port: 0, token: APIFixture.token, championCheckInterval: .zero, headerTimeout: header,
                                                       bodyTimeout: body, idleTimeout: idle, maxConnections: maxConnections))
    }

    @Test func halfSentHeadsAreClosedAfterTheHeaderTimeout() async throws {
        let fixture = try await Self.fixture(header: .milliseconds(200))
        try await fixture.test { _ in
            try await fixture.server.serving { port in
                let silent = try RawHTTPConnection(port: port)
                let halfSent = try RawHTTPConnection(port: port)
                halfSent.send("POST /v1/score HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                // A head sent a byte every 50 ms never completes within 200 ms.
                let dripping = try RawHTTPConnection(port: port)
                let start = ContinuousClock.now
                for byte in "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n\r\n" {
                    guard dripping.send(String(byte)), !dripping.readAvailable(), ContinuousClock.now - start < .seconds(20) else { break }
                    try await Task.sleep(for: .milliseconds(50))
                }
                #expect(try await dripping.closedByServer(within: .seconds(10)) != nil, "a head sent byte by byte kept its connection")
                #expect(RawHTTPResponse(dripping.received) == nil, "the dripped request was answered")
                #expect(try await silent.closedByServer(within: .seconds(10)) != nil, "a connection that sent nothing stayed open")
                #expect(try await halfSent.closedByServer(within: .seconds(10)) != nil, "a half-sent head kept its connection")
            }
        }
    }

    @Test func aBodySentByteByByteIsCutAtTheBodyTimeout() async throws {
        let fixture = try await Self.fixture(body: .milliseconds(300))
        try await fixture.test { _ in
            try await fixture.server.serving { port in
                let connection = try RawHTTPConnection(port: port)
                let body = String(repeating: " ", count: 1_000)
                connection.send("POST /v1/score HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nAuthorization: Bearer \(APIFixture.token)\r\nContent-Length: \(body.count)\r\n\r\n")
                let start = ContinuousClock.now
                var closed = false
                for byte in body where ContinuousClock.now - start < .seconds(20) {
                    closed = !connection.send(String(byte)) || connection.readAvailable()
                    if closed { break }
                    try await Task.sleep(for: .milliseconds(50))
                }
                #expect(closed, "a body sent a byte every 50 ms was still being read after 20 s")
                #expect(RawHTTPResponse(connection.received).map { $0.status < 500 } ?? true, "\(String(decoding: connection.received, as: UTF8.self))")
            }
        }
    }

    @Test func idleKeepAliveConnectionsAreClosed() async throws {
        let fixture = try await Self.fixture(idle: .milliseconds(200))
        try await fixture.test { _ in
            try await fixture.server.serving { port in
                let connection = try RawHTTPConnection(port: port)
                connection.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                let answer = try await connection.response(within: .seconds(30))
                #expect(answer?.status == 200)
                #expect(answer?.headers["connection"] != "close")
                #expect(try await connection.closedByServer(within: .seconds(10)) != nil, "an idle keep-alive connection stayed open")
            }
        }
    }

    @Test func connectionsBeyondTheLimitWaitUntilOneCloses() async throws {
        let fixture = try await Self.fixture(maxConnections: 2)
        try await fixture.test { _ in
            try await fixture.server.serving { port in
                let request = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                // Two keep-alive connections, each answered: the limit is reached.
                let open = try (0..<2).map { _ in try RawHTTPConnection(port: port) }
                for connection in open {
                    connection.send(request)
                    #expect(try await connection.response(within: .seconds(30))?.status == 200)
                }
                // A third one is not accepted meanwhile (the kernel queues it), so its request is not answered...
                let third = try RawHTTPConnection(port: port)
                third.send(request)
                #expect(try await third.response(within: .milliseconds(500)) == nil, "a connection beyond the limit was answered")
                // ...until one of the two closes.
                open[0].close()
                #expect(try await third.response(within: .seconds(30))?.status == 200)
            }
        }
    }
}
