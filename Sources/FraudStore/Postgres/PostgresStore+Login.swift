import FraudCore
import Logging
import NIOSSL
import PostgresNIO

extension PostgresStore {
    /// Logs in on one connection of its own and closes it, with the store's retries: a refused login (SQLSTATE 28P01,
    /// 28000) or an unknown database (3D000) fails at once with the server's reason, where the pool would keep retrying
    /// it silently until each attempt timed out.
    func checkLogin() async throws {
        let configuration = try PostgresConnection.Configuration(
            host: url.host, port: url.port, username: url.user, password: url.password, database: url.database, tls: connectionTLS())
        let logger = self.logger
        try await withRetries("connect to \(url)") {
            let connection = try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger)
            try await connection.close()
        }
    }

    private func connectionTLS() throws -> PostgresConnection.Configuration.TLS {
        switch url.sslMode {
        case "disable": .disable
        case "require": .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        default: .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
    }
}
