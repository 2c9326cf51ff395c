import FraudCore
import FraudModel
import FraudStore

/// Holds the scorer of the current champion: reloads it when the store's alias generation moves,
/// looking at most once per `checkInterval`.
actor ChampionScorer {
    private let source: ScoringModelSource
    private let checkInterval: Duration
    private var scorer: FraudScorer?
    private var generation: Int64 = -1
    private var checkedAt: ContinuousClock.Instant?

    init(source: ScoringModelSource, checkInterval: Duration) {
        self.source = source
        self.checkInterval = checkInterval
        if case .fixed(let scorer) = source { self.scorer = scorer }
    }

    /// The scorer to use now.
    /// - Throws: `APIProblem` 503 when no champion is set; `ArtifactError` when its artifact cannot be loaded.
    func current() async throws -> FraudScorer {
        if case .champion(let registry) = source {
            let now = ContinuousClock.now
            if checkedAt.map({ now - $0 >= checkInterval }) ?? true {
                checkedAt = now
                if let change = try await registry.championChanged(since: generation) {
                    scorer = try await Self.load(change.champion, registry: registry)
                    generation = change.generation
                }
            }
        }
        guard let scorer else {
            throw APIProblem(.serviceUnavailable, title: "No champion model",
                             detail: "no model is promoted to champion yet; import one and run 'fraud models promote VERSION'")
        }
        return scorer
    }

    private static func load(_ champion: AliasRecord?, registry: ModelRegistry) async throws -> FraudScorer? {
        guard let champion else { return nil }
        guard let model = try await registry.store.model(version: champion.version) else {
            throw StoreError(.unknownVersion(champion.version))
        }
        return try FraudScorer(artifactDirectory: model.artifactPath, modelVersion: model.version)
    }
}
