import FraudCore
import FraudModel
import FraudStore
import Logging

/// Keeps the scorer's current model: asks the registry whether an alias moved (`ModelRegistry.championChanged`,
/// one cheap query) at most once per interval, and loads the new champion's artifact when it did.
///
/// Called between batches only, so a swap never splits a batch and no record is skipped or scored twice.
/// A champion whose artifact cannot be loaded is logged and the current model kept.
actor ChampionWatcher {
    private let registry: ModelRegistry?
    private let interval: Duration
    private let clock = ContinuousClock()
    private var generation: Int64 = -1
    private var lastCheck: ContinuousClock.Instant?
    private var scorer: FraudScorer?
    private let logger = Logger(label: "fraud.scorer")

    init(fixed: FraudScorer) {
        registry = nil
        interval = .zero
        scorer = fixed
    }

    init(registry: ModelRegistry, interval: Duration) {
        self.registry = registry
        self.interval = interval
    }

    /// The scorer to use for the next batch.
    /// - Throws: `NoChampionError` when no model was ever loaded; registry errors at the first load.
    func current() async throws -> FraudScorer {
        guard let registry else { return scorer! }
        let now = clock.now
        if let lastCheck, let scorer, now - lastCheck < interval { return scorer }
        lastCheck = now
        do {
            if let change = try await registry.championChanged(since: generation) {
                generation = change.generation
                if let champion = change.champion, champion.version != scorer?.modelVersion {
                    scorer = try await load(champion.version, registry: registry)
                    logger.info("serving model version \(champion.version)")
                }
            }
        } catch {
            guard let scorer else { throw error }
            logger.error("champion check failed, keeping model \(scorer.modelVersion): \(error)")
            return scorer
        }
        guard let scorer else { throw NoChampionError() }
        return scorer
    }

    private func load(_ version: String, registry: ModelRegistry) async throws -> FraudScorer {
        guard let record = try await registry.store.model(version: version) else { throw StoreError(.unknownVersion(version)) }
        return try FraudScorer(artifactDirectory: record.artifactPath, modelVersion: version)
    }
}
