import Foundation
import FraudCore
import FraudData
import FraudStore
import FraudTesting

/// Batch writes of scored payments: SQLite, and PostgreSQL next to `psql \copy` of the same rows as CSV.
///
/// Rows: the first `FRAUD_BENCH_STORE_ROWS` (default 200,000) of the bench data file, each given a score and
/// two reasons. PostgreSQL runs only when `FRAUD_BENCH_POSTGRES_URL` is set; each side writes into its own
/// fresh schema with the same table and indexes.
enum StoreBench: Benchmark {
    static let name = "store"
    /// Rows per write call (`FRAUD_BENCH_STORE_BATCH`, default 5,000).
    static let batchSize = Int(ProcessInfo.processInfo.environment["FRAUD_BENCH_STORE_BATCH"] ?? "") ?? 5_000

    static func run(_ context: BenchContext) async throws -> [BenchResult] {
        let environment = ProcessInfo.processInfo.environment
        let rowCount = Int(environment["FRAUD_BENCH_STORE_ROWS"] ?? "") ?? 200_000
        let rows = try scoredRows(context.dataPath, limit: rowCount)
        let csvPath = context.workDirectory + "/store-rows.csv"
        try StoreBenchCSV.write(rows, to: csvPath)
        var results = try await sqlite(rows, context, csvPath: csvPath)
        if let url = environment["FRAUD_BENCH_POSTGRES_URL"], !url.isEmpty {
            results += try await postgres(rows, url: url, csvPath: csvPath)
        } else {
            FileHandle.standardError.write(Data("store: FRAUD_BENCH_POSTGRES_URL not set, PostgreSQL skipped\n".utf8))
        }
        return results
    }

    static func scoredRows(_ path: String, limit: Int) throws -> [ScoredTransaction] {
        let reader = try TransactionCSVReader(path: path)
        var transactions: [Transaction] = []
        try reader.readBatch(into: &transactions, maxCount: limit)
        let scoredAt = EventTime(year: 2024, month: 1, day: 1)!
        return transactions.enumerated().map { index, transaction in
            let score = Double(index % 1000) / 1000
            return ScoredTransaction(
                transaction: transaction, score: score, prediction: score >= 0.9, threshold: 0.9, modelVersion: "1",
                reasons: [FeatureContribution(feature: "amount_log", value: transaction.amount, contribution: 0.4),
                          FeatureContribution(feature: "card_count_24h", value: 3, contribution: 0.1)],
                scoredAt: scoredAt, latencyMs: 1.25)
        }
    }

    /// Seconds `store` takes to write `rows` in batches of `batchSize` from `writers` concurrent tasks (as a writer
    /// consuming several partitions does); closes the store; checks every row was inserted.
    static func timedWrite(_ rows: [ScoredTransaction], into store: any Store, name: String, writers: Int = 1) async throws -> Double {
        let work = stride(from: 0, to: rows.count, by: batchSize).map { Array(rows[$0..<min($0 + batchSize, rows.count)]) }
        var inserted = 0
        let seconds = try await BusBench.time {
            inserted = try await withThrowingTaskGroup(of: Int.self) { group in
                for writer in 0..<writers {
                    group.addTask {
                        var count = 0
                        for index in stride(from: writer, to: work.count, by: writers) { count += try await store.write(work[index]) }
                        return count
                    }
                }
                return try await group.reduce(0, +)
            }
        }
        try await store.close()
        guard inserted == rows.count else { throw BenchError(message: "\(name) inserted \(inserted) of \(rows.count) rows") }
        return seconds
    }

    static func sqlite(_ rows: [ScoredTransaction], _ context: BenchContext, csvPath: String) async throws -> [BenchResult] {
        let path = context.workDirectory + "/store-bench.db"
        let referencePath = context.workDirectory + "/store-bench-reference.db"
        for file in [path, referencePath] {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) }
        }
        let store = try await SQLiteStore.open(path: path)
        let reference = try await SQLiteStore.open(path: referencePath)
        try await reference.close()
        let cpuStart = processCPUSeconds()
        let seconds = try await timedWrite(rows, into: store, name: "SQLite")
        let cpuSeconds = processCPUSeconds() - cpuStart
        let python = try context.python("sqlite_insert.py", [referencePath, csvPath, String(batchSize)]).split(separator: " ").compactMap { Double($0) }
        let (pythonSeconds, pythonCPUSeconds) = python.count == 2 ? (python[0], python[1]) : (.nan, .nan)
        let name = "SQLite batch write, \(rows.count / 1000)k scored rows, batches of \(batchSize)"
        return [
            BenchResult(name: name, value: Double(rows.count) / seconds, unit: "rows/s", referenceName: "Python sqlite3 executemany",
                        referenceValue: Double(rows.count) / pythonSeconds, target: "≥ 150,000"),
            BenchResult(name: name + ", per CPU-second of the process (checkpoint thread included)", value: Double(rows.count) / cpuSeconds,
                        unit: "rows/CPU-s", referenceName: "Python sqlite3 executemany", referenceValue: Double(rows.count) / pythonCPUSeconds),
        ]
    }

    /// User + system CPU seconds of this process so far, all threads (getrusage).
    static func processCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    /// `psql \copy` runs twice, into two empty tables, before and after the store's writes (so neither side alone gets
    /// the server's warmer or busier moments); the faster of the two is the reference.
    static func postgres(_ rows: [ScoredTransaction], url text: String, csvPath: String) async throws -> [BenchResult] {
        var base = try PostgresURL(text)
        if text.range(of: "sslmode=") == nil { base.sslMode = "disable" }
        let schemas = ["one_writer", "two_writers", "copy_before", "copy_after"].map { name in
            var url = base
            url.schema = "bench_\(name)_\(getpid())"
            return url
        }
        let (ours, twoWriters, copyBefore, copyAfter) = (schemas[0], schemas[1], schemas[2], schemas[3])
        let seconds, twoSeconds, copySeconds: Double
        do {
            for target in [copyBefore, copyAfter] { try await PostgresStore.connect(target).close() }
            let before = try psqlCopy(base, schema: copyBefore.schema!, csvPath: csvPath, expectedRows: rows.count)
            seconds = try await timedWrite(rows, into: try await PostgresStore.connect(ours), name: "PostgreSQL")
            twoSeconds = try await timedWrite(rows, into: try await PostgresStore.connect(twoWriters), name: "PostgreSQL", writers: 2)
            copySeconds = min(before, try psqlCopy(base, schema: copyAfter.schema!, csvPath: csvPath, expectedRows: rows.count))
        } catch {
            for schema in schemas { try? await PostgresTesting.dropSchema(schema) }
            throw error
        }
        for schema in schemas { try await PostgresTesting.dropSchema(schema) }
        return [
            BenchResult(
                name: "PostgreSQL batch write (COPY; unnest upsert on a conflict), \(rows.count / 1000)k scored rows, batches of \(batchSize), 1 writer",
                value: Double(rows.count) / seconds, unit: "rows/s", referenceName: "psql \\copy CSV, faster of 2",
                referenceValue: Double(rows.count) / copySeconds, target: "≥ \\copy"),
            BenchResult(
                name: "PostgreSQL batch write, same rows, 2 concurrent writers", value: Double(rows.count) / twoSeconds,
                unit: "rows/s", referenceName: "psql \\copy CSV, faster of 2", referenceValue: Double(rows.count) / copySeconds, target: "≥ \\copy"),
        ]
    }

    /// Seconds `psql \copy` takes to load the CSV into `schema.transactions` (process start included, as a user runs it).
    static func psqlCopy(_ url: PostgresURL, schema: String, csvPath: String, expectedRows: Int) throws -> Double {
        let columns = StoreBenchCSV.columns.joined(separator: ", ")
        return try BenchContext.psql(url, "\\copy \(schema).transactions (\(columns)) FROM '\(csvPath)' WITH (FORMAT csv)")
    }
}
