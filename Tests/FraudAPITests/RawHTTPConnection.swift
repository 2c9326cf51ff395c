import Foundation
import FraudAPI
import FraudPipeline

#if canImport(Glibc)
import FraudRuntime
import Glibc
#endif

/// A TCP connection to a server on 127.0.0.1 that writes exactly the bytes it is given, as curl or a slow client would:
/// forged `Host` and `Origin` headers, requests sent a byte at a time, connections left open. Non-blocking; waits
/// sleep, so they never hold a thread the server needs.
final class RawHTTPConnection {
    private let descriptor: Int32
    private var isClosedByPeer = false
    private var isClosed = false
    /// Everything received so far.
    private(set) var received: [UInt8] = []

    init(port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        guard descriptor >= 0, connected else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
    }

    deinit { close() }

    /// Closes the socket (once: its descriptor may be another socket's afterwards).
    func close() {
        guard !isClosed else { return }
        isClosed = true
        _ = Glibc.close(descriptor)
    }

    /// Sends `text`; false once the server has closed the connection.
    @discardableResult
    func send(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } == bytes.count
    }

    /// Reads what has arrived; true once the server has closed the connection (end of stream or reset).
    func readAvailable() -> Bool {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while !isClosedByPeer {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                received += buffer[..<count]
            } else if count == 0 || errno != EAGAIN {
                isClosedByPeer = true
            } else {
                break
            }
        }
        return isClosedByPeer
    }

    /// How long it took the server to close the connection, or nil if it was still open after `limit`.
    func closedByServer(within limit: Duration) async throws -> Duration? {
        let start = ContinuousClock.now
        while ContinuousClock.now - start < limit {
            if readAvailable() { return ContinuousClock.now - start }
            try await Task.sleep(for: .milliseconds(20))
        }
        return nil
    }

    /// The first complete response received within `limit` (read to its `Content-Length`), or nil.
    func response(within limit: Duration) async throws -> RawHTTPResponse? {
        let start = ContinuousClock.now
        while ContinuousClock.now - start < limit {
            let closed = readAvailable()
            if let response = RawHTTPResponse(received) { return response }
            if closed { return nil }
            try await Task.sleep(for: .milliseconds(20))
        }
        return nil
    }

    /// Sends one request (`Host: 127.0.0.1:port` unless `host` says otherwise, "" for none; `Connection: close` unless
    /// `headers` say otherwise) and waits up to 30 s for its response.
    static func request(port: Int, _ method: String, _ path: String, host: String? = nil, headers: [(String, String)] = [],
                        body: String = "") async throws -> RawHTTPResponse {
        let connection = try RawHTTPConnection(port: port)
        defer { connection.close() }
        var lines = ["\(method) \(path) HTTP/1.1"]
        let host = host ?? "127.0.0.1:\(port)"
        if !host.isEmpty { lines.append("Host: \(host)") }
        lines += headers.map { "\($0.0): \($0.1)" }
        if !headers.contains(where: { $0.0.lowercased() == "connection" }) { lines.append("Connection: close") }
        lines.append("Content-Length: \(body.utf8.count)")
        connection.send(lines.joined(separator: "\r\n") + "\r\n\r\n" + body)
        guard let response = try await connection.response(within: .seconds(30)) else {
            throw RawHTTPError(message: "no response to \(method) \(path) within 30 s; received '\(String(decoding: connection.received, as: UTF8.self))'")
        }
        return response
    }
}

/// A response parsed from raw bytes: status, headers (names lowercased) and body text.
struct RawHTTPResponse {
    var status: Int
    var headers: [String: String]
    var body: String

    /// The response at the start of `bytes`, or nil while it is incomplete.
    init?(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let end = text.range(of: "\r\n\r\n") else { return nil }
        let lines = text[..<end.lowerBound].components(separatedBy: "\r\n")
        guard let status = lines.first?.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let body = String(text[end.upperBound...])
        if let length = headers["content-length"].flatMap(Int.init), body.utf8.count < length { return nil }
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The body's problem-details `field`, if any.
    var field: String? {
        ((try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any])?["field"] as? String
    }
}

struct RawHTTPError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

extension APIServer {
    /// Runs the server as `fraud serve` does (`run`: every setting, the connection limit included) while `body` gets
    /// its port, then stops it.
    func serving(_ body: (Int) async throws -> Void) async throws {
        let stop = StopSignal()
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        async let served: Void = {
            defer { continuation.finish() }
            try await run(stop: stop) { continuation.yield($0) }
        }()
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw RawHTTPError(message: "the server did not start") }
        do {
            try await body(port)
        } catch {
            stop.request()
            try? await served
            throw error
        }
        stop.request()
        try await served
    }
}
