import FraudCore
import PostgresNIO

extension PostgresStore {
    package func activity(since: EventTime, until: EventTime) async throws -> ScoringActivity {
        let counts = try await fetch("scoring activity", StoreQueries.activityCounts(since: since, until: until, .postgres)) { row in
            (payments: Int(try row.int64(required: "payments")), frauds: Int(try row.int64(required: "frauds")))
        }[0]
        func latency(_ quantile: Double) async throws -> Double? {
            guard counts.payments > 0 else { return nil }
            let rank = ScoringActivity.rank(quantile: quantile, count: counts.payments)
            let statement = StoreQueries.activityLatency(since: since, until: until, rank: rank, .postgres)
            return try await fetch("scoring latency", statement) { try $0.double("latency_ms") }.first ?? nil
        }
        return ScoringActivity(since: since, until: until, payments: counts.payments, predictedFrauds: counts.frauds,
                               latencyP50Ms: try await latency(0.5), latencyP99Ms: try await latency(0.99))
    }
}
