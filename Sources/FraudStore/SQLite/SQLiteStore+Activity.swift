import FraudCore
import GRDB

extension SQLiteStore {
    package func activity(since: EventTime, until: EventTime) async throws -> ScoringActivity {
        let counts = StoreQueries.activityCounts(since: since, until: until, .sqlite)
        return try await read("scoring activity") { db in
            let row = try Row.fetchOne(db, sql: counts.sql, arguments: StatementArguments(counts.values.map(\.databaseValue)))!
            let payments: Int = row["payments"]
            let frauds: Int = row["frauds"]
            func latency(_ quantile: Double) throws -> Double? {
                guard payments > 0 else { return nil }
                let rank = ScoringActivity.rank(quantile: quantile, count: payments)
                let statement = StoreQueries.activityLatency(since: since, until: until, rank: rank, .sqlite)
                return try Double.fetchOne(db, sql: statement.sql, arguments: StatementArguments(statement.values.map(\.databaseValue)))
            }
            return ScoringActivity(since: since, until: until, payments: payments, predictedFrauds: frauds,
                                   latencyP50Ms: try latency(0.5), latencyP99Ms: try latency(0.99))
        }
    }
}
