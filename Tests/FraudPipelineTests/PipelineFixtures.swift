import Foundation
import FraudBus
import FraudCore
import FraudModel
import FraudPipeline
import FraudRuntime
import FraudStore
import FraudTesting

/// A trained model, stores and buses in temporary directories, for the pipeline tests.
enum PipelineFixtures {
    /// A logistic model trained once per test process on synthetic payments (fast, flags some payments).
    static let artifact: ModelArtifact = {
        let transactions = SyntheticTransactions.generate(seed: 42)
        var extractor = FeatureExtractor()
        let features = LabelledFeatures(transactions: transactions, extractor: &extractor)
        let fingerprint = DataFingerprint(rows: features.count, frauds: features.labels.filter { $0 }.count,
                                          firstEventTime: nil, lastEventTime: nil, sha256: "synthetic", files: [])
        do {
            return try ModelTraining(kind: .logistic, validationFraction: 0.3).train(features, fingerprint: fingerprint).artifact
        } catch {
            preconditionFailure("training the fixture model failed: \(error)")
        }
    }()

    /// The fixture model written to a new directory.
    static func artifactDirectory() throws -> String {
        let path = TemporaryDirectory.make("pipeline-model")
        try artifact.write(directory: path)
        return path
    }

    /// The fixture model as a fixed scorer.
    static func scorer(version: String = "fixture") throws -> FraudScorer {
        try FraudScorer(artifact: artifact, modelVersion: version)
    }

    /// A new SQLite store in a temporary directory.
    static func store() async throws -> (store: any FraudDatabase, url: String) {
        let url = "sqlite:" + TemporaryDirectory.make("pipeline-store") + "/fraud.db"
        return (try await StoreFactory.open(url), url)
    }

    /// A registry on `store` with its artifacts in a new temporary directory.
    static func registry(_ store: any ModelStore) throws -> ModelRegistry {
        ModelRegistry(store: store, artifactRoot: TemporaryDirectory.make("pipeline-registry"), evaluator: RecordedMetricsEvaluator(),
                      policy: try PromotionPolicy(metric: "pr_auc", tolerance: 0.01))
    }

    /// A new embedded bus in a temporary directory, with the payment topics.
    static func bus(partitions: Int = 4) async throws -> EmbeddedBus {
        let bus = try EmbeddedBus(path: TemporaryDirectory.make("pipeline-bus"))
        try await PaymentTopics.create(on: bus, partitions: partitions)
        return bus
    }

    /// The feature state beside `bus`'s offsets, as the CLI opens it.
    static func featureState(_ bus: EmbeddedBus) async throws -> any FeatureStateStore {
        try await FeatureStateStoreFactory.open(FeatureStateLocation.embeddedURL(bus))
    }

    /// A feature state in a new temporary SQLite file (for scorers on Kafka in one test process).
    static func featureState() async throws -> any FeatureStateStore {
        try await FeatureStateStoreFactory.open("sqlite:" + TemporaryDirectory.make("pipeline-feature-state") + "/state.sqlite")
    }

    /// Sends simulated payments into `payments.raw`.
    @discardableResult
    static func produce(_ count: Int, seed: UInt64 = 1, on bus: any Bus) async throws -> [Transaction] {
        let payments = SimulatedData.transactions(rows: count, seed: seed)
        try await produce(payments, on: bus)
        return payments
    }

    /// Sends `payments` into `payments.raw`, in order.
    static func produce(_ payments: some Collection<Transaction>, on bus: any Bus) async throws {
        let producer = try await bus.makeProducer()
        try await producer.send(payments.map { PaymentMessages.message(for: $0) })
        try await producer.close()
    }

    /// Small batches, so that tests see many batches and commits.
    static let smallBatches = MicroBatchLoop.Configuration(maxRecords: 100, maxWait: .milliseconds(10))
}

extension PipelineFixtures {
    /// Every stored payment, page by page.
    static func allStored(_ store: any TransactionQueries) async throws -> [StoredTransaction] {
        var rows: [StoredTransaction] = []
        var cursor: TransactionCursor?
        repeat {
            let page = try await store.transactions(TransactionQuery(limit: 10_000, cursor: cursor))
            rows += page.rows
            cursor = page.nextCursor
        } while cursor != nil
        return rows
    }
}
