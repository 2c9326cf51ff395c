import Foundation
import FraudCore
import FraudModel
import FraudStore
import FraudTesting

/// Issue 13's feature-state figures that do not need the pipeline: the restore of 1,000,000 cards (claim and decode,
/// as a scorer does on assignment) and the write of one checkpoint of 60,000 changed cards (one second of a
/// 60,000 payments/s stream in which every payment is another card's: the worst case), on SQLite and PostgreSQL.
/// References, measured in the same run: reading the same rows with Python's sqlite3, and `psql \copy` to /dev/null.
/// Also the memory 1,000,000 restored cards take in a scorer (what every API process would hold if the state were a
/// compacted Kafka topic, which has no read by key: docs/decisions.md).
enum FeatureStateBench: Benchmark {
    static let name = "state"
    static let cards = 1_000_000
    static let partitions = 4
    static let changedPerSecond = 60_000

    static func run(_ context: BenchContext) async throws -> [BenchResult] {
        let states = syntheticStates()
        var results: [BenchResult] = []
        let directory = context.workDirectory + "/state-bench"
        try? FileManager.default.removeItem(atPath: directory)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let sqlitePath = directory + "/state.sqlite"
        let sqlite = try await SQLiteFeatureStateStore.open(path: sqlitePath)
        let sqliteFigures = try await measure(sqlite, states)
        try await sqlite.close()
        let pythonSeconds = Double(try context.python("sqlite_read_states.py", [sqlitePath])) ?? .nan
        results += sqliteFigures.results(backend: "SQLite", referenceName: "Python sqlite3 reading the same rows", referenceSeconds: pythonSeconds)

        if let text = ProcessInfo.processInfo.environment["FRAUD_BENCH_POSTGRES_URL"], !text.isEmpty {
            do {
                results += try await postgresResults(url: text, states)
            } catch {
                // The SQLite figures stand on their own.
                FileHandle.standardError.write(Data("state: PostgreSQL figures failed: \(error)\n".utf8))
            }
        } else {
            FileHandle.standardError.write(Data("state: FRAUD_BENCH_POSTGRES_URL is not set; PostgreSQL figures skipped\n".utf8))
        }
        return results
    }

    /// The figures on a throw-away schema of the PostgreSQL at `text`.
    static func postgresResults(url text: String, _ states: [CardStateRecord]) async throws -> [BenchResult] {
        var url = try PostgresURL(text)
        url.schema = "fraud_state_bench"
        try await PostgresTesting.dropSchema(url)
        let postgres = try await PostgresFeatureStateStore.connect(url)
        let figures = try await measure(postgres, states)
        try await postgres.close()
        let copySeconds = try psqlCopyOut(url)
        try await PostgresTesting.dropSchema(url)
        return figures.results(backend: "PostgreSQL", referenceName: "psql \\copy of the same rows to /dev/null", referenceSeconds: copySeconds)
    }

    struct Figures {
        var loadSeconds: Double
        var restoreSeconds: Double
        var checkpointSeconds: Double
        /// Bytes the restored cards take in memory (`CardStateStore.estimatedBytes`).
        var restoredBytes: Int

        func results(backend: String, referenceName: String, referenceSeconds: Double) -> [BenchResult] {
            [
                BenchResult(name: "\(backend) feature state: restore 1,000,000 cards (claim + decode, 4 partitions)", value: restoreSeconds,
                            unit: "s", referenceName: referenceName, referenceValue: referenceSeconds, higherIsBetter: false),
                BenchResult(name: "\(backend) feature state: one checkpoint of 60,000 changed cards (1 s of 60k payments/s, all distinct cards)",
                            value: checkpointSeconds * 1000, unit: "ms per s of stream", referenceName: "1 s of stream", referenceValue: 1000,
                            higherIsBetter: false),
                BenchResult(name: "\(backend) feature state: first write of 1,000,000 cards", value: Double(cards) / loadSeconds,
                            unit: "cards/s"),
                BenchResult(name: "\(backend) feature state: memory of 1,000,000 restored cards", value: Double(restoredBytes) / 1_048_576,
                            unit: "MiB", higherIsBetter: false),
            ]
        }
    }

    /// Loads every card (one checkpoint per partition), restores every partition, then writes one second's changes.
    static func measure(_ store: any FeatureStateStore, _ states: [CardStateRecord]) async throws -> Figures {
        let scope = FeatureStateScope(group: "bench", topic: "payments.raw")
        var claims: [PartitionClaim] = []
        for partition in 0..<partitions { claims.append(try await store.claim(scope, partition: partition)) }
        let loadSeconds = try await time {
            for claim in claims {
                let mine = states.enumerated().filter { $0.offset % partitions == claim.partition }.map(\.element)
                for start in stride(from: 0, to: mine.count, by: 50_000) {
                    let slice = Array(mine[start..<min(start + 50_000, mine.count)])
                    _ = try await store.write(scope, [PartitionDelta(partition: claim.partition, epoch: claim.epoch, nextOffset: Int64(start), cards: slice)])
                }
            }
        }
        var restored: [PartitionClaim] = []
        var decoded = 0
        var restoredBytes = 0
        let restoreSeconds = try await time {
            for partition in 0..<partitions {
                let claim = try await store.claim(scope, partition: partition)
                let state = try FeatureExtractor(cards: claim.checkpoint?.cards ?? []).state
                decoded += state.cardCount
                restoredBytes += state.estimatedBytes
                restored.append(PartitionClaim(partition: claim.partition, epoch: claim.epoch, checkpoint: nil))
            }
        }
        guard decoded == cards else { throw BenchError(message: "restored \(decoded) of \(cards) cards") }
        let changed = (0..<changedPerSecond).map { states[($0 * 16) % states.count] }
        let deltas = restored.map { claim in
            PartitionDelta(partition: claim.partition, epoch: claim.epoch, nextOffset: 1 << 40,
                           cards: changed.enumerated().filter { ($0.offset * 16 % states.count) % partitions == claim.partition }.map(\.element))
        }
        let checkpointSeconds = try await time { _ = try await store.write(scope, deltas) }
        return Figures(loadSeconds: loadSeconds, restoreSeconds: restoreSeconds, checkpointSeconds: checkpointSeconds,
                       restoredBytes: restoredBytes)
    }

    /// 1,000,000 cards with full rings (64 payments each, 658 bytes: the largest a card's state gets).
    static func syntheticStates() -> [CardStateRecord] {
        let history = SyntheticTransactions.generate(seed: 13, cards: 1, days: 40)
        var template = FeatureExtractor()
        _ = template.extract(history)
        let bytes = CardStateCodec.encode(history[0].ccNum, in: template.state)!
        precondition(bytes.count == 658, "the template card's ring is not full")
        return (0..<cards).map { index in
            var state = bytes
            // Vary the amount sum so rows differ (bytes 6..<14 hold it).
            withUnsafeBytes(of: Double(index).bitPattern.littleEndian) { state.replaceSubrange(6..<14, with: $0) }
            return CardStateRecord(ccNum: 4_000_000_000_000_000 + Int64(index), state: state)
        }
    }

    static func time(_ body: () async throws -> Void) async throws -> Double {
        let start = ContinuousClock.now
        try await body()
        return (ContinuousClock.now - start).inSeconds
    }

    /// Seconds `psql \copy` takes to stream every card state of the bench scope to /dev/null.
    static func psqlCopyOut(_ url: PostgresURL) throws -> Double {
        try BenchContext.psql(url, "\\copy (SELECT cc_num, state FROM \(url.schema!).feature_cards WHERE consumer_group = 'bench') TO '/dev/null' WITH (FORMAT binary)")
    }
}
