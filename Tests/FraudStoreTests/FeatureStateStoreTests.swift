import Foundation
import FraudCore
import FraudStore
import FraudTesting
import GRDB
import Testing

/// The feature state conformance suite on both backends, and what only SQLite has: files, read-only readers.
@Suite struct FeatureStateStoreTests {
    static let scope = FeatureStateScope(group: "scorer", topic: "payments.raw")

    @Test(arguments: FeatureStateConformance.Check.allCases)
    func sqlite(_ check: FeatureStateConformance.Check) async throws {
        try await FeatureStateConformance(makeDatabase: FeatureStateDatabases.sqlite).run(check)
    }

    @Test(arguments: FeatureStateConformance.Check.allCases)
    func postgres(_ check: FeatureStateConformance.Check) async throws {
        guard let makeDatabase = FeatureStateDatabases.postgres() else { return }
        try await FeatureStateConformance(makeDatabase: makeDatabase).run(check)
    }

    @Test func fileThatIsNotADatabaseIsNamed() async throws {
        let directory = TemporaryDirectory.make("features")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/features.db"
        try Data(String(repeating: "not a database\n", count: 400).utf8).write(to: URL(fileURLWithPath: path))
        for readOnly in [false, true] {
            let error = try await #require(throws: FeatureStateError.self) { try await FeatureStateStoreFactory.open("sqlite:\(path)", readOnly: readOnly) }
            #expect(error.kind == .unavailable)
            #expect(error.message == "'\(path)' is not a SQLite database (cannot open the feature state)", "read-only: \(readOnly)")
        }
    }

    @Test func badURLsAndMissingFilesAreNamed() async throws {
        let url = try await #require(throws: FeatureStateError.self) { try await FeatureStateStoreFactory.open("mysql://db/x") }
        #expect(url.kind == .invalidArgument && url.message.contains("'mysql' is not supported"), "\(url)")
        let path = TemporaryDirectory.make("features") + "/missing.db"
        let missing = try await #require(throws: FeatureStateError.self) { try await FeatureStateStoreFactory.open("sqlite:\(path)", readOnly: true) }
        #expect(missing.kind == .unavailable && missing.message.contains(path), "\(missing)")
    }

    /// An API process reads through a read-only store: it sees committed checkpoints, cannot write, and neither it nor
    /// any other reader waits for the writer or makes the writer wait.
    @Test func readOnlyReadersAndTheWriterNeverWaitForEachOther() async throws {
        let directory = TemporaryDirectory.make("features")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/features.db"
        let empty = try DatabaseQueue(path: path)
        try empty.close()
        let notYet = try await #require(throws: FeatureStateError.self) { try await SQLiteFeatureStateStore.open(path: path, readOnly: true) }
        #expect(notYet.message.contains("holds no feature state"), "\(notYet)")

        let writer = try await SQLiteFeatureStateStore.open(path: path)
        let epoch = try await writer.claim(Self.scope, partition: 0).epoch
        let v1 = CardStateRecord(ccNum: 1, state: [1, 2, 3])
        _ = try await writer.write(Self.scope, [PartitionDelta(partition: 0, epoch: epoch, nextOffset: 10, cards: [v1])])
        let reader = try await SQLiteFeatureStateStore.open(path: path, readOnly: true)
        #expect(try await reader.cardStates(Self.scope, cards: [1]) == [v1])
        let refused = try await #require(throws: FeatureStateError.self) { try await reader.claim(Self.scope, partition: 0) }
        #expect(refused.kind == .invalidArgument && refused.message.contains("read-only"), "\(refused)")

        // Another process holds the write lock mid-transaction: the reader reads the last commit at once.
        var unsafe = Configuration()
        unsafe.allowsUnsafeTransactions = true
        let other = try DatabaseQueue(path: path, configuration: unsafe)
        try await other.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            try db.execute(sql: "UPDATE feature_cards SET state = x'09'")
        }
        #expect(try await reader.cardStates(Self.scope, cards: [1]) == [v1])
        try await other.writeWithoutTransaction { db in try db.execute(sql: "ROLLBACK") }

        // A reader holds a snapshot open: the writer commits at once, and the snapshot still shows the old state.
        let v2 = CardStateRecord(ccNum: 1, state: [4, 5])
        try await other.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN")
            _ = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM feature_cards")
        }
        #expect(try await writer.write(Self.scope, [PartitionDelta(partition: 0, epoch: epoch, nextOffset: 20, cards: [v2])]) == [])
        let snapshot = try await other.writeWithoutTransaction { db in try Data.fetchOne(db, sql: "SELECT state FROM feature_cards") }
        #expect(snapshot == Data(v1.state))
        try await other.writeWithoutTransaction { db in try db.execute(sql: "COMMIT") }
        #expect(try await reader.cardStates(Self.scope, cards: [1]) == [v2])
        #expect(try await reader.offsets(Self.scope) == [0: 20])

        try other.close()
        try await reader.close()
        try await writer.close()
    }
}

/// Fresh feature state databases: a temporary SQLite file, or a new schema on `FRAUD_TEST_POSTGRES_URL`'s server.
enum FeatureStateDatabases {
    static func sqlite() async throws -> FeatureStateConformance.Database {
        let directory = TemporaryDirectory.make("features")
        let path = directory + "/features.db"
        @Sendable func execute(_ sql: String) async throws {
            var configuration = Configuration()
            configuration.busyMode = .timeout(5)
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try await queue.write { try $0.execute(sql: sql) }
            try queue.close()
        }
        return FeatureStateConformance.Database(
            open: { try await SQLiteFeatureStateStore.open(path: path) },
            execute: execute,
            failWrites: { ccNum in
                try await execute("CREATE TRIGGER fail_card BEFORE INSERT ON feature_cards WHEN NEW.cc_num = \(ccNum) BEGIN SELECT RAISE(ABORT, 'injected failure'); END")
            },
            remove: { try? FileManager.default.removeItem(atPath: directory) })
    }

    /// nil (and a printed reason) when `FRAUD_TEST_POSTGRES_URL` is not set.
    static func postgres() -> (@Sendable () async throws -> FeatureStateConformance.Database)? {
        guard let text = ProcessInfo.processInfo.environment["FRAUD_TEST_POSTGRES_URL"], !text.isEmpty else {
            _ = TestDatabases.skipNotice
            return nil
        }
        return {
            let fixed = try PostgresTesting.throwawaySchema(text, prefix: "fraud_features")
            @Sendable func execute(_ sql: String) async throws {
                let connection = try await PostgresStore.connect(fixed, schemaVersion: 0)
                do {
                    try await connection.execute("test statement", SQLStatement(.postgres, sql))
                } catch {
                    try? await connection.close()
                    throw error
                }
                try await connection.close()
            }
            return FeatureStateConformance.Database(
                open: { try await PostgresFeatureStateStore.connect(fixed, retry: try RetryPolicy(maxAttempts: 4, backoff: Backoff(initial: .milliseconds(50), maximum: .milliseconds(200)))) },
                execute: execute,
                failWrites: { ccNum in
                    try await execute("""
                        CREATE FUNCTION fail_card() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN IF NEW.cc_num = \(ccNum) THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$
                        """)
                    try await execute("CREATE TRIGGER fail_card BEFORE INSERT ON feature_cards FOR EACH ROW EXECUTE FUNCTION fail_card()")
                },
                remove: { try await PostgresTesting.dropSchema(fixed) })
        }
    }
}
