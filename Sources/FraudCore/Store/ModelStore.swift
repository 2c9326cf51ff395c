/// Where training runs, model versions and aliases (`champion`, `challenger`) are recorded.
///
/// Implemented by the same backends as `Store`; artifacts themselves live on disk.
package protocol ModelStore: Sendable {
    /// Records a training run, replacing an earlier record with the same id.
    func record(_ run: RunRecord) async throws

    /// The latest runs, newest first.
    func runs(limit: Int) async throws -> [RunRecord]

    /// Registers a model version.
    /// - Throws: `StoreError.duplicateVersion` when the version exists.
    func register(_ model: ModelVersionRecord) async throws

    /// Every registered model version, oldest first.
    func models() async throws -> [ModelVersionRecord]

    /// Every alias and the version it points at.
    func aliases() async throws -> [AliasRecord]

    /// Moves an alias if it still points at `change.expectedVersion`, and appends the change to the alias history,
    /// in one transaction. The store's alias generation increases by one.
    /// - Throws: `StoreError.aliasConflict` when the alias moved meanwhile; `StoreError.unknownVersion`.
    @discardableResult
    func moveAlias(_ change: AliasChange) async throws -> AliasRecord

    /// Alias changes, newest first; all aliases when `alias` is nil.
    func aliasHistory(alias: String?, limit: Int) async throws -> [AliasHistoryEntry]

    /// A counter that increases whenever any alias moves: a cheap change signal for scorers.
    func aliasGeneration() async throws -> Int64
}

extension ModelStore {
    /// The model version named `version`, if registered.
    package func model(version: String) async throws -> ModelVersionRecord? {
        try await models().first { $0.version == version }
    }

    /// The alias named `name`, if set.
    package func alias(_ name: String) async throws -> AliasRecord? {
        try await aliases().first { $0.name == name }
    }

    /// The champion if any alias moved since `generation` (a value from a previous call or `aliasGeneration()`), else nil.
    ///
    /// One indexed `MAX` query: cheap enough for every scorer to poll every second.
    package func championChanged(since generation: Int64) async throws -> (champion: AliasRecord?, generation: Int64)? {
        let current = try await aliasGeneration()
        guard current > generation else { return nil }
        return (try await alias(AliasRecord.champion), current)
    }
}
