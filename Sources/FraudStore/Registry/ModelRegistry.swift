import FraudCore
import Foundation

/// Model versions, their artifacts and the `champion`/`challenger` aliases: import, promote, roll back, watch.
///
/// Metadata lives in the database (`ModelStore`), artifacts on disk under `artifactRoot/<version>/`.
package struct ModelRegistry: Sendable {
    package let store: any ModelStore
    /// Where imported artifacts are copied, one directory per version (default `./models/registry`).
    package let artifactRoot: String
    package let evaluator: any ModelEvaluator
    package let policy: PromotionPolicy
    let clock: @Sendable () -> EventTime

    /// The default artifact directory.
    package static let defaultArtifactRoot = "./models/registry"

    package init(store: any ModelStore, artifactRoot: String = ModelRegistry.defaultArtifactRoot, evaluator: any ModelEvaluator,
                policy: PromotionPolicy, clock: @escaping @Sendable () -> EventTime = { WallClock.now }) {
        self.store = store
        self.artifactRoot = artifactRoot
        self.evaluator = evaluator
        self.policy = policy
        self.clock = clock
    }

    /// The outcome of a promotion or rollback.
    package enum Outcome: Hashable, Sendable {
        /// The champion moved.
        case moved(AliasRecord, AliasChange)
        /// Nothing changed, and why.
        case rejected(PromotionRejection)
    }

    /// Runs the promotion gate for `version` and moves `champion` if it passes (or if `force`).
    /// - Throws: `StoreError.unknownVersion` when the version is not registered; `StoreError.aliasConflict`
    ///   when the champion moved during the evaluation (nothing changed).
    package func promote(version: String, force: Bool = false, by: String, reason: String) async throws -> Outcome {
        guard let candidate = try await store.model(version: version) else { throw StoreError(.unknownVersion(version)) }
        var machine = PromotionStateMachine(policy: policy)
        let request = PromotionRequest(version: version, force: force, by: by, reason: reason, at: clock())
        var action = machine.promote(request, champion: try await store.alias(AliasRecord.champion))
        if case .evaluate(_, let championVersion, let window) = action {
            guard let champion = try await store.model(version: championVersion) else { throw StoreError(.unknownVersion(championVersion)) }
            async let candidateEvaluation = evaluator.evaluate(candidate, on: window)
            async let championEvaluation = evaluator.evaluate(champion, on: window)
            action = machine.evaluated(candidate: try await candidateEvaluation, champion: try await championEvaluation)
        }
        return try await apply(action)
    }

    /// Moves `champion` back to the version it had before the current one.
    package func rollback(by: String, reason: String) async throws -> Outcome {
        let history = try await store.aliasHistory(alias: AliasRecord.champion, limit: 10_000).reversed()
        let action = PromotionStateMachine.rollback(history: Array(history), champion: try await store.alias(AliasRecord.champion),
                                                    by: by, reason: reason, at: clock())
        return try await apply(action)
    }

    /// Points `alias` (e.g. `challenger`) at `version` without a gate, recording who and why.
    @discardableResult
    package func setAlias(_ alias: String, to version: String, by: String, reason: String) async throws -> AliasRecord {
        let current = try await store.alias(alias)
        return try await store.moveAlias(AliasChange(alias: alias, expectedVersion: current?.version, toVersion: version, action: .set,
                                                     by: by, reason: reason, at: clock()))
    }

    private func apply(_ action: PromotionStateMachine.Action) async throws -> Outcome {
        switch action {
        case .move(let change): return .moved(try await store.moveAlias(change), change)
        case .reject(let rejection): return .rejected(rejection)
        case .evaluate: preconditionFailure("evaluation is handled by promote")
        }
    }
}
