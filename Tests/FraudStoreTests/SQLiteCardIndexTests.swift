import FraudCore
@testable import FraudStore
import FraudTesting
import GRDB
import Testing

/// SQLite's card index is led by the event hour (migration 6); card queries must search it hour by hour, not scan.
@Suite struct SQLiteCardIndexTests {
    let path = TemporaryDirectory.make("card-index") + "/store.db"
    let t0 = EventTime(year: 2020, month: 6, day: 21)!

    func plan(_ query: TransactionQuery) throws -> [String] {
        let statement = StoreQueries.transactions(query, .sqlite)
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + statement.sql,
                                    arguments: StatementArguments(statement.values.map(\.databaseValue))).map { $0["detail"] as String }
        }
    }

    @Test func cardQueriesSearchTheHourIndex() async throws {
        let store = try await SQLiteStore.open(path: path)
        try await store.write(StoreFixtures.scored(count: 50, cards: 3))
        try await store.close()
        let card = StoreFixtures.scored(count: 1)[0].transaction.ccNum
        let cursor = TransactionCursor(eventTime: t0.adding(seconds: 600), transNum: "f")
        for query in [TransactionQuery(ccNum: card), TransactionQuery(from: t0, to: t0.adding(seconds: 3600), ccNum: card, cursor: cursor)] {
            let steps = try plan(query)
            #expect(steps.first?.hasPrefix("SEARCH transactions USING INDEX transactions_card_hour (<expr>=? AND cc_num=?") == true, "\(steps)")
            #expect(!steps.contains { $0.hasPrefix("SCAN transactions") }, "\(steps)")
        }
        #expect(try plan(TransactionQuery(from: t0)).contains { $0.contains("transactions_event_time") })
    }
}
