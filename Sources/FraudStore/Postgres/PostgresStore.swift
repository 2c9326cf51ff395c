internal import _ConnectionPoolModule
import FraudCore
import Logging
import NIOCore
import PostgresNIO

/// The distributed store: PostgreSQL through postgres-nio's connection pool (`postgres://...`).
///
/// Queries go through the `EventLoopFuture` API awaited with `.get()`, chosen explicitly: it returns the
/// command tag (rows affected) and cannot be picked by accident in place of the async overload.
package final class PostgresStore: Store, ModelStore, SQLStore {
    let client: PostgresClient
    private let runTask: Task<Void, Never>
    let retry: RetryPolicy
    /// How long one attempt may take before it counts as a connection failure.
    let attemptTimeout: Duration
    /// Where each attempt's outcome is reported (an outage starts at the first connection failure).
    package let status: DatabaseStatus
    let logger: Logger
    /// Where this store connects (password hidden in `description`).
    package let url: PostgresURL
    let dialect = SQLDialect.postgres

    private init(client: PostgresClient, url: PostgresURL, retry: RetryPolicy, attemptTimeout: Duration, status: DatabaseStatus,
                 logger: Logger) {
        self.client = client
        self.url = url
        self.retry = retry
        self.attemptTimeout = attemptTimeout
        self.status = status
        self.logger = logger
        self.runTask = Task { await client.run() }
    }

    /// Connects, creates `url.schema` if it does not exist, and upgrades the schema to the latest version.
    /// - Throws: `StoreError.failed` with the server's reason at once when it refuses the login or has no such database;
    ///   `StoreError.unavailable` when it cannot be reached within the retries.
    package static func connect(_ url: PostgresURL, retry: RetryPolicy = .database, attemptTimeout: Duration = RetryPolicy.databaseAttemptTimeout,
                               status: DatabaseStatus = .shared, logger: Logger = Logger(label: "fraud.store.postgres")) async throws -> PostgresStore {
        try await connect(url, schemaVersion: StoreSchema.latestVersion, retry: retry, attemptTimeout: attemptTimeout, status: status, logger: logger)
    }

    /// Connects and migrates up to `schemaVersion` only (tests of upgrades from older versions; 0 = no schema at all).
    package static func connect(_ url: PostgresURL, schemaVersion: Int, retry: RetryPolicy = .database,
                                attemptTimeout: Duration = RetryPolicy.databaseAttemptTimeout, status: DatabaseStatus = .shared,
                                logger: Logger = Logger(label: "fraud.store.postgres")) async throws -> PostgresStore {
        var configuration = PostgresClient.Configuration(
            host: url.host, port: url.port, username: url.user, password: url.password, database: url.database, tls: tls(url))
        if let schema = url.schema { configuration.options.additionalStartupParameters = [("search_path", schema)] }
        configuration.options.maximumConnections = 8
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        let store = PostgresStore(client: client, url: url, retry: retry, attemptTimeout: attemptTimeout, status: status, logger: logger)
        do {
            try await store.checkLogin()
            if let schema = url.schema {
                try await store.execute("create schema \(schema)", SQLStatement(.postgres, "CREATE SCHEMA IF NOT EXISTS \(schema)"))
            }
            if schemaVersion > 0 { try await store.migrate(upTo: schemaVersion) }
        } catch {
            try? await store.close()
            throw error
        }
        return store
    }

    private static func tls(_ url: PostgresURL) -> PostgresClient.Configuration.TLS {
        switch url.sslMode {
        case "disable": return .disable
        case "require": return .require(.makeClientConfiguration())
        default: return .prefer(.makeClientConfiguration())
        }
    }

    /// Nothing to do: a PostgreSQL commit returns once it is durable (`synchronous_commit` on, the server default).
    package func sync() throws {}

    package func close() async throws {
        runTask.cancel()
        await runTask.value
    }

    /// Applies the migrations not yet recorded, under an advisory lock so concurrent starts do not race.
    /// The lock is per schema: stores in other schemas of the same server (tests, tenants) migrate in parallel.
    func migrate(upTo target: Int) async throws {
        let applied = try await transaction("migrate schema") { connection -> [Int] in
            _ = try await self.query(connection, SQLStatement(.postgres, "SELECT pg_advisory_xact_lock(424242, hashtext(current_schema()))"))
            _ = try await self.query(connection, SQLStatement(.postgres, SQLDialect.postgres.ddl(StoreSchema.migrationsTable)))
            let rows = try await self.query(connection, SQLStatement(.postgres, "SELECT version FROM schema_migrations")).rows
            let done = Set(try rows.map { try PostgresRowReader(row: $0).int64(required: "version") })
            var applied: [Int] = []
            for migration in StoreSchema.migrations where migration.version <= target && !done.contains(Int64(migration.version)) {
                for statement in migration.statements(for: .postgres) {
                    _ = try await self.query(connection, SQLStatement(.postgres, statement))
                }
                var record = SQLStatement(.postgres)
                record.sql = "INSERT INTO schema_migrations (version, name, applied_at) VALUES (\(record.bind(.int(Int64(migration.version))))"
                    + ", \(record.bind(.text(migration.name))), \(record.bind(.int(WallClock.now.millisecondsSinceEpoch))))"
                _ = try await self.query(connection, record)
                applied.append(migration.version)
            }
            return applied
        }
        if !applied.isEmpty { logger.info("applied schema migrations \(applied) to \(url)") }
    }

    /// The schema versions recorded as applied.
    package func appliedMigrations() async throws -> [Int] {
        try await fetch("list migrations", SQLStatement(.postgres, "SELECT version FROM schema_migrations ORDER BY version")) {
            Int(try $0.int64(required: "version"))
        }
    }

    // MARK: Running statements

    /// Runs one statement on a pooled connection, with retries; returns the result (rows and rows affected).
    @discardableResult
    package func execute(_ operation: String, _ statement: SQLStatement) async throws -> PostgresQueryResult {
        let query = try statement.postgresQuery()
        return try await withRetries(operation) {
            try await self.client.withConnection { connection in
                try await connection.query(query, logger: self.logger).get()
            }
        }
    }

    /// Runs one prepared query (already bound) on a pooled connection, with retries.
    func execute(_ operation: String, _ query: PostgresQuery) async throws -> PostgresQueryResult {
        try await withRetries(operation) {
            try await self.client.withConnection { connection in
                try await connection.query(query, logger: self.logger).get()
            }
        }
    }

    /// Fetches and decodes rows.
    func fetch<T>(_ operation: String, _ statement: SQLStatement, _ decode: (PostgresRowReader) throws -> T) async throws -> [T] {
        try await execute(operation, statement).rows.map { try decode(PostgresRowReader(row: $0)) }
    }

    /// Runs a statement on a connection inside `transaction`.
    func query(_ connection: PostgresConnection, _ statement: SQLStatement) async throws -> PostgresQueryResult {
        try await connection.query(try statement.postgresQuery(), logger: logger).get()
    }

    /// Runs `body` in one transaction on one connection, with retries of the whole transaction.
    /// Errors thrown by `body` roll back and are rethrown as they are. `attemptTimeout` replaces the policy's for work
    /// known to take longer (a large write).
    func transaction<T: Sendable>(_ operation: String, attemptTimeout: Duration? = nil, _ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        try await onConnection(operation, attemptTimeout: attemptTimeout) { connection in
            _ = try await connection.query("BEGIN", logger: self.logger).get()
            do {
                let value = try await body(connection)
                _ = try await connection.query("COMMIT", logger: self.logger).get()
                return value
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: self.logger).get()
                throw error
            }
        }
    }

    /// Runs `body` on one pooled connection, outside a transaction (each statement commits by itself), with retries.
    func onConnection<T: Sendable>(_ operation: String, attemptTimeout: Duration? = nil, _ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        try await withRetries(operation, attemptTimeout: attemptTimeout) { try await self.client.withConnection(body) }
    }

    func withRetries<T: Sendable>(_ operation: String, attemptTimeout: Duration? = nil, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await mappingErrors {
            try await retry.run(operation, attemptTimeout: attemptTimeout ?? self.attemptTimeout, logger: logger, status: status, isTransient: Self.isTransient, describe: Self.describe, body)
        } to: { error in
            StoreError(.failed(operation: operation, reason: Self.describe(error)))
        }
    }

    /// Connection-level failures (refused, lost or closed connections, a server shutting down, a pool that gave up
    /// connecting for now) and serialization conflicts: nothing was done, trying again may succeed. A refused login, an
    /// unknown database or an error in the statement is not transient.
    package static func isTransient(_ error: any Error) -> Bool {
        switch error {
        case let error as ConnectionPoolError: return error == .connectionCreationCircuitBreakerTripped
        // `COPY` reports a connection closed under it in the older error type, and NIO a write to a closed channel.
        case let error as PostgresError: if case .connectionClosed = error { return true } else { return false }
        case let error as ChannelError: return [.ioOnClosedChannel, .alreadyClosed, .eof].contains(error)
        default: break
        }
        guard let error = error as? PSQLError else { return false }
        switch error.code {
        case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown: return true
        case .server:
            guard let state = error.serverInfo?[.sqlState] else { return false }
            return state.hasPrefix("08") || ["57P01", "57P02", "57P03", "40001", "40P01", "53300"].contains(state)
        default: return false
        }
    }

    /// A failure in words: a `PSQLError`'s own (its `description` hides them), anything else as it describes itself.
    static func describe(_ error: any Error) -> String {
        (error as? PSQLError).map { describe($0) } ?? "\(error)"
    }

    /// The server's message and SQLSTATE, or the client-side error code.
    static func describe(_ error: PSQLError) -> String {
        if let info = error.serverInfo, let message = info[.message] {
            return "\(message) (SQLSTATE \(info[.sqlState] ?? "?"))" + (info[.detail].map { ": \($0)" } ?? "")
        }
        return "\(error.code)" + (error.underlying.map { ": \($0)" } ?? "")
    }
}

/// A postgres-nio row read by column name.
struct PostgresRowReader: SQLRowReader {
    let row: PostgresRandomAccessRow

    init(row: PostgresRow) {
        self.row = row.makeRandomAccess()
    }

    func int64(_ column: String) throws -> Int64? { try row[column].decode(Int64?.self) }
    func double(_ column: String) throws -> Double? { try row[column].decode(Double?.self) }
    func text(_ column: String) throws -> String? { try row[column].decode(String?.self) }
    func bool(_ column: String) throws -> Bool? { try row[column].decode(Bool?.self) }
}

extension SQLStatement {
    func postgresQuery() throws -> PostgresQuery {
        var bindings = PostgresBindings(capacity: values.count)
        for value in values {
            switch value {
            case .int(let value): bindings.append(value)
            case .double(let value): bindings.append(value)
            case .text(let value): bindings.append(value)
            case .bool(let value): bindings.append(value)
            case .null: bindings.appendNull()
            }
        }
        return PostgresQuery(unsafeSQL: sql, binds: bindings)
    }
}
