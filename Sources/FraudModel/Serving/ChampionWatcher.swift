import FraudCore
import FraudRuntime
import Logging
import Metrics

/// Keeps the model a scorer serves: asks the model store whether an alias moved (`championChanged`, one cheap query)
/// at most once per interval, and loads the new champion's artifact when it did.
///
/// The stream's scorer calls it between batches only, so a swap never splits a batch. A champion whose artifact
/// cannot be loaded is logged, counted in `fraud_model_load_failures_total` and skipped: the current model keeps
/// serving, and the load is tried again at the next alias move.
package actor ChampionWatcher {
    private let models: (any ModelStore)?
    private let interval: Duration
    private let clock = ContinuousClock()
    private var generation: Int64 = -1
    private var lastCheck: ContinuousClock.Instant?
    private var scorer: FraudScorer?
    private let logger = Logger(label: "fraud.champion")
    private let loadFailures = Counter(label: MetricNames.modelLoadFailures)

    init(fixed: FraudScorer) {
        models = nil
        interval = .zero
        scorer = fixed
    }

    init(models: any ModelStore, interval: Duration) {
        self.models = models
        self.interval = interval
    }

    /// The scorer to use now.
    /// - Throws: `NoChampionError` while no model could be loaded yet; the store's errors at the first check.
    package func current() async throws -> FraudScorer {
        guard let models else { return scorer! }
        let now = clock.now
        if let lastCheck, let scorer, now - lastCheck < interval { return scorer }
        lastCheck = now
        do {
            if let change = try await models.championChanged(since: generation) {
                if let champion = change.champion, champion.version != scorer?.modelVersion {
                    try await load(champion.version, from: models)
                }
                generation = change.generation
            }
        } catch {
            guard let scorer else { throw error }
            logger.error("champion check failed, keeping model \(scorer.modelVersion): \(error)")
            return scorer
        }
        guard let scorer else { throw NoChampionError() }
        return scorer
    }

    /// Loads `version`'s artifact. A version that is not registered or whose artifact cannot be loaded keeps the
    /// current scorer; a store that cannot be read throws (the check is repeated at the next interval).
    private func load(_ version: String, from models: any ModelStore) async throws {
        do {
            guard let record = try await models.model(version: version) else { throw StoreError(.unknownVersion(version)) }
            scorer = try FraudScorer(artifactDirectory: record.artifactPath, modelVersion: version)
            logger.info("serving model version \(version)")
        } catch let error as StoreError where error.kind != .unknownVersion(version) {
            throw error
        } catch {
            loadFailures.increment()
            logger.error("champion \(version) cannot be loaded, keeping \(scorer?.modelVersion ?? "no model"): \(error)")
        }
    }
}
