#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Synchronization

/// A loopback TCP proxy for tests of outages: forwards each connection to a server on 127.0.0.1, until `cut()` drops
/// every open connection and turns new ones away (accepted and closed at once), until `restore()`. Real sockets,
/// one thread per direction of each connection.
package final class TCPProxy: Sendable {
    /// The port it listens on (127.0.0.1).
    package let port: Int
    private let targetPort: Int
    private let listener: Int32
    private let state = Mutex(State())

    private struct State {
        var cut = false
        var closed = false
        /// Sockets of open connections, both sides.
        var open: Set<Int32> = []
    }

    /// Listens on a free port of 127.0.0.1 and forwards to `targetPort` there.
    package init(targetPort: Int) throws {
        self.targetPort = targetPort
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw Self.failure("socket") }
        var address = Self.loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(listener, socketAddress, length) == 0 && listen(listener, 64) == 0 && getsockname(listener, socketAddress, &length) == 0
            }
        }
        guard bound else {
            Glibc.close(listener)
            throw Self.failure("bind/listen")
        }
        self.listener = listener
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    /// Drops every open connection (their peers see them reset) and turns new ones away.
    package func cut() {
        let open = state.withLock { state in
            state.cut = true
            return state.open
        }
        for socket in open { shutdown(socket, Int32(SHUT_RDWR)) }
    }

    /// Forwards new connections again.
    package func restore() {
        state.withLock { $0.cut = false }
    }

    /// Stops listening and drops every connection (the proxy's threads hold it until then).
    package func close() {
        let open = state.withLock { state in
            state.closed = true
            state.cut = true
            return state.open
        }
        for socket in open { shutdown(socket, Int32(SHUT_RDWR)) }
        shutdown(listener, Int32(SHUT_RDWR))
    }

    private func acceptLoop() {
        defer { Glibc.close(listener) }
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if errno == EINTR { continue }
                return
            }
            if state.withLock({ $0.closed }) {
                Glibc.close(client)
                return
            }
            let upstream = state.withLock { $0.cut } ? nil : connectUpstream()
            // Admitted only if no cut came meanwhile: a cut drops every connection it finds in `open`.
            let admitted = upstream.map { upstream in
                state.withLock { state in
                    guard !state.cut else { return false }
                    state.open.formUnion([client, upstream])
                    return true
                }
            } ?? false
            guard let upstream, admitted else {
                Glibc.close(client)
                if let upstream { Glibc.close(upstream) }
                continue
            }
            let pair = SocketPair(client: client, upstream: upstream) { [self] in
                state.withLock { $0.open.subtract([client, upstream]) }
            }
            Thread.detachNewThread { pair.pump(from: client, to: upstream) }
            Thread.detachNewThread { pair.pump(from: upstream, to: client) }
        }
    }

    private func connectUpstream() -> Int32? {
        let upstream = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard upstream >= 0 else { return nil }
        var address = Self.loopback(port: targetPort)
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(upstream, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        guard connected else {
            Glibc.close(upstream)
            return nil
        }
        return upstream
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return address
    }

    private static func failure(_ call: String) -> NSError {
        NSError(domain: "TCPProxy", code: Int(errno), userInfo: [NSLocalizedDescriptionKey: "\(call): \(String(cString: strerror(errno)))"])
    }
}

/// The two sockets of one forwarded connection: when either direction ends, both are shut down; the sockets are
/// closed once both directions ended (never while the other thread may still use them).
private final class SocketPair: Sendable {
    let client: Int32
    let upstream: Int32
    private let running = Mutex(2)
    private let finished: @Sendable () -> Void

    init(client: Int32, upstream: Int32, finished: @escaping @Sendable () -> Void) {
        self.client = client
        self.upstream = upstream
        self.finished = finished
    }

    func pump(from source: Int32, to destination: Int32) {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        forwarding: while true {
            let count = buffer.withUnsafeMutableBytes { read(source, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            var sent = 0
            while sent < count {
                let written = buffer.withUnsafeBytes { send(destination, $0.baseAddress! + sent, count - sent, Int32(MSG_NOSIGNAL)) }
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { break forwarding }
                sent += written
            }
        }
        shutdown(client, Int32(SHUT_RDWR))
        shutdown(upstream, Int32(SHUT_RDWR))
        let last = running.withLock { count -> Bool in
            count -= 1
            return count == 0
        }
        guard last else { return }
        finished()
        Glibc.close(client)
        Glibc.close(upstream)
    }
}
