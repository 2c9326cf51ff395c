import Foundation
import FraudTesting
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `fraud serve` on a port another process holds: a usage message naming the port and the flag that changes it.
@Suite("fraud serve, port in use")
struct ServePortInUseTests {
    @Test func namesThePortAndTheFlag() throws {
        let listener = try Listener()
        defer { listener.close() }
        let directory = TemporaryDirectory.make("serve-busy")
        let run = try CommandRun.run(
            CommandRun.fraud,
            ["serve", "--port", String(listener.port), "--database", "sqlite:\(directory)/fraud.db", "--bus", "embedded:\(directory)/bus",
             "--registry-dir", "\(directory)/registry"],
            environment: ["FRAUD_API_TOKEN": ""], directory: directory)
        #expect(run.status == 1, "exit status \(run.status): \(run.errors.suffix(1_000))")
        #expect(run.errors.contains("port \(listener.port) on 127.0.0.1 is in use: pass --port N (0 picks a free one)"), "\(run.errors)")
    }
}

/// A TCP socket listening on a free port of 127.0.0.1.
private struct Listener {
    let descriptor: Int32
    let port: Int

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let listening = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socket in
                bind(descriptor, socket, length) == 0 && listen(descriptor, 1) == 0 && getsockname(descriptor, socket, &length) == 0
            }
        }
        guard descriptor >= 0, listening else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        self.descriptor = descriptor
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    func close() { _ = Glibc.close(descriptor) }
}
