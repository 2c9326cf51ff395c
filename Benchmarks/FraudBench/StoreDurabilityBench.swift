import Foundation
import FraudCore
import FraudStore
import FraudTesting

/// What power-loss durability of the SQLite store costs the writer (issue 14, docs/decisions.md): the same rows written
/// in writer-sized batches with `synchronous = NORMAL` and no sync (no power-loss guarantee: the reference), with
/// `synchronous = FULL` (a WAL fsync in every commit), and with NORMAL plus a WAL sync every 100 ms beside the writes
/// (the offsets barrier: the embedded bus syncs the store before each offsets write, off the writer's path).
///
/// Rows: `FRAUD_BENCH_DURABILITY_ROWS` (default 100,000) fixture payments, batches of `FRAUD_BENCH_DURABILITY_BATCH`
/// (default 200: the writer's batches at 10,000 payments/s).
enum StoreDurabilityBench: Benchmark {
    static let name = "durability"

    enum Mode: CaseIterable {
        case normal, full, normalWithBarrier

        var label: String {
            switch self {
            case .normal: "synchronous = NORMAL, no sync (no power-loss guarantee)"
            case .full: "synchronous = FULL (WAL fsync in every commit)"
            case .normalWithBarrier: "NORMAL + WAL sync every 100 ms beside the writes (offsets barrier)"
            }
        }
    }

    static func run(_ context: BenchContext) async throws -> [BenchResult] {
        let environment = ProcessInfo.processInfo.environment
        let rows = StoreFixtures.scored(count: Int(environment["FRAUD_BENCH_DURABILITY_ROWS"] ?? "") ?? 100_000, seed: 14)
        let batchSize = Int(environment["FRAUD_BENCH_DURABILITY_BATCH"] ?? "") ?? 200
        // Each mode twice, in turn (the first run of a process is slower), keeping the better run of each.
        var figures: [Mode: (rowsPerSecond: Double, p99Milliseconds: Double)] = [:]
        for _ in 1...2 {
            for mode in Mode.allCases {
                let run = try await measure(mode, rows, batchSize: batchSize, directory: context.workDirectory)
                if run.0 > figures[mode]?.rowsPerSecond ?? 0 { figures[mode] = run }
            }
        }
        let reference = figures[.normal]!
        let name = "SQLite writer batches of \(batchSize), \(rows.count / 1000)k rows"
        return [Mode.full, .normalWithBarrier].flatMap { mode -> [BenchResult] in
            [BenchResult(name: "\(name), \(mode.label)", value: figures[mode]!.rowsPerSecond, unit: "rows/s",
                         referenceName: Mode.normal.label, referenceValue: reference.rowsPerSecond),
             BenchResult(name: "\(name), \(mode.label): p99 of one batch write", value: figures[mode]!.p99Milliseconds, unit: "ms",
                         referenceName: Mode.normal.label, referenceValue: reference.p99Milliseconds, higherIsBetter: false)]
        }
    }

    /// Rows per second and the 99th percentile of one batch's write, in milliseconds, on a fresh database.
    static func measure(_ mode: Mode, _ rows: [ScoredTransaction], batchSize: Int, directory: String) async throws -> (Double, Double) {
        let path = directory + "/durability-bench.db"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let store = try await SQLiteStore.open(path: path, schemaVersion: StoreSchema.latestVersion, syncEveryCommit: mode == .full)
        let barrier = Task {
            guard mode == .normalWithBarrier else { return }
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(100))
                if !Task.isCancelled { try await store.syncInBackground() }
            }
        }
        var latencies: [Duration] = []
        let started = ContinuousClock.now
        for start in stride(from: 0, to: rows.count, by: batchSize) {
            let batchStarted = ContinuousClock.now
            try await store.write(Array(rows[start..<min(start + batchSize, rows.count)]))
            latencies.append(ContinuousClock.now - batchStarted)
        }
        if mode == .normalWithBarrier { try await store.syncInBackground() }
        let seconds = (ContinuousClock.now - started).inSeconds
        barrier.cancel()
        try await barrier.value
        try await store.close()
        latencies.sort()
        return (Double(rows.count) / seconds, latencies[min(latencies.count - 1, latencies.count * 99 / 100)].inSeconds * 1000)
    }
}
