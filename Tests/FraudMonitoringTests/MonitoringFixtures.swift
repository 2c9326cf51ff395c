import Foundation
import FraudCore
import FraudModel
import FraudMonitoring
import FraudSimulator
import FraudStore
import FraudTesting
import Synchronization

/// A workspace for monitoring tests: a database (SQLite, or a fresh schema on the PostgreSQL server of
/// `FRAUD_TEST_POSTGRES_URL`), a registry root and helpers to train, register and score.
final class MonitoringWorkspace: @unchecked Sendable {
    /// The database backends the tests run on.
    enum Backend: String, CustomStringConvertible, CaseIterable {
        case sqlite, postgres

        var description: String { rawValue }

        /// The server for PostgreSQL tests, nil when not configured.
        static var postgresURL: String? {
            ProcessInfo.processInfo.environment["FRAUD_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
        }
    }

    let root: String
    let store: any FraudDatabase
    /// The PostgreSQL schema of `store`, on the PostgreSQL backend.
    let postgresSchema: PostgresURL?

    init(_ name: String, backend: Backend = .sqlite) async throws {
        root = TemporaryDirectory.make(name)
        switch backend {
        case .sqlite:
            store = try await SQLiteStore.open(path: root + "/fraud.db")
            postgresSchema = nil
        case .postgres:
            guard let text = Backend.postgresURL else { throw StoreError(.invalidParameter(name: "FRAUD_TEST_POSTGRES_URL", reason: "not set")) }
            let url = try PostgresTesting.throwawaySchema(text, prefix: "fraud_monitor")
            store = try await PostgresStore.connect(url)
            postgresSchema = url
        }
    }

    /// Closes the store and drops the PostgreSQL schema, if any.
    func close() async throws {
        try await store.close()
        if let postgresSchema { try await PostgresTesting.dropSchema(postgresSchema) }
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    var artifactRoot: String { root + "/registry" }

    /// A registry judging by recorded metrics (for registering and first promotions).
    func registry() throws -> ModelRegistry {
        ModelRegistry(store: store, artifactRoot: artifactRoot, evaluator: RecordedMetricsEvaluator(), policy: try PromotionPolicy())
    }

    /// Trains `kind` on `transactions`, writes the artifact (with its drift reference) and registers it.
    func register(_ kind: ModelKind, on transactions: [Transaction], name: String, referenceCapacity: Int = 3_000) async throws -> ModelVersionRecord {
        let directory = root + "/" + name
        let outcome = try Self.train(kind, on: transactions)
        try outcome.artifact.write(directory: directory)
        try DriftReferenceBuilder(capacity: referenceCapacity).build(transactions: transactions, model: outcome.model, source: name)
            .write(directory: directory)
        return try await registry().importArtifact(from: directory, description: name)
    }

    /// A small, fast model.
    static func train(_ kind: ModelKind, on transactions: [Transaction]) throws -> ModelTraining.Outcome {
        var extractor = FeatureExtractor()
        let features = LabelledFeatures(transactions: transactions, extractor: &extractor)
        let fingerprint = FraudModel.DataFingerprint(rows: features.count, frauds: features.labels.filter { $0 }.count, firstEventTime: nil,
                                          lastEventTime: nil, sha256: "test", files: [])
        let training = try ModelTraining(kind: kind, xgboost: try XGBoostParameters(rounds: 60, earlyStoppingRounds: 20, maxDepth: 4, threads: 1, seed: 1))
        return try training.train(features, fingerprint: fingerprint)
    }

    /// Scores `transactions` in order with the artifact of `model`, its extractor warmed on `history`.
    static func score(_ transactions: [Transaction], with model: ModelVersionRecord, history: [Transaction]) throws -> [ScoredTransaction] {
        let scorer = try FraudScorer(artifactDirectory: model.artifactPath, modelVersion: model.version)
        var extractor = FeatureExtractor()
        _ = extractor.extract(history)
        let decisions = scorer.score(transactions, extractor: &extractor, reasons: .none)
        return zip(transactions, decisions).enumerated().map { index, pair in
            ScoredTransaction(transaction: pair.0, score: pair.1.score, prediction: pair.1.prediction, threshold: scorer.threshold,
                              modelVersion: model.version, reasons: [], scoredAt: pair.0.eventTime.adding(seconds: 1),
                              latencyMs: 2 + Double(index % 7))
        }
    }

    /// Labels every stored payment of `transactions` with the simulator's ground truth as `true_value`.
    func labelWithGroundTruth(_ transactions: [Transaction], at time: EventTime) async throws {
        try await store.label(transactions.map {
            LabelUpdate(transNum: $0.transNum, isFraud: $0.label ?? false, labeledBy: "simulator", labeledAt: time)
        })
    }
}

/// Simulated streams for the tests: one seed, the first rows for training, the next rows as the live stream,
/// optionally with a drift scenario starting at the first live row (the drifted simulator draws differently from the
/// start, so its live rows come from the same cards and merchants but not as an exact continuation).
enum MonitoringStreams {
    static let cards = 200

    static func split(training: Int, live: Int, fraudRate: Double = 0.02, drift: [DriftScenario.Kind] = []) -> (training: [Transaction], live: [Transaction]) {
        var probe = SimulatedData.simulator(seed: 11, cards: cards, fraudRate: fraudRate)
        let history = probe.nextBatch(count: training)
        let start = probe.nextEventTime
        var simulator = SimulatedData.simulator(seed: 11, cards: cards, fraudRate: fraudRate, drift: drift.map { DriftScenario(kind: $0, start: start) })
        let all = simulator.nextBatch(count: training + live)
        return (history, Array(all.dropFirst(training)))
    }
}
