/// A named pointer at a model version (`champion`, `challenger`).
package struct AliasRecord: Hashable, Sendable {
    package var name: String
    package var version: String
    /// The store's alias generation when this alias last moved.
    package var generation: Int64
    package var updatedAt: EventTime
    package var updatedBy: String

    package init(name: String, version: String, generation: Int64, updatedAt: EventTime, updatedBy: String) {
        self.name = name
        self.version = version
        self.generation = generation
        self.updatedAt = updatedAt
        self.updatedBy = updatedBy
    }

    /// The alias scorers serve.
    package static let champion = "champion"
    /// The alias of the candidate under evaluation.
    package static let challenger = "challenger"
}

/// Why an alias moved.
package enum AliasAction: String, Hashable, Sendable, CaseIterable {
    /// Moved after passing the validation gate.
    case promote
    /// Moved with `--force`, bypassing the gate.
    case forcePromote = "force_promote"
    /// Moved back to the previous version.
    case rollback
    /// Set directly (e.g. the challenger on import).
    case set
}

/// A requested alias move, applied only if the alias still points at `expectedVersion`.
package struct AliasChange: Hashable, Sendable {
    package var alias: String
    /// The version the alias must point at now (nil: the alias must not exist yet).
    package var expectedVersion: String?
    package var toVersion: String
    package var action: AliasAction
    package var by: String
    package var reason: String
    package var at: EventTime

    package init(alias: String, expectedVersion: String?, toVersion: String, action: AliasAction, by: String, reason: String, at: EventTime) {
        self.alias = alias
        self.expectedVersion = expectedVersion
        self.toVersion = toVersion
        self.action = action
        self.by = by
        self.reason = reason
        self.at = at
    }
}

/// One recorded alias move: who, when, why, from which version to which.
package struct AliasHistoryEntry: Hashable, Sendable {
    package var id: Int64
    package var alias: String
    package var fromVersion: String?
    package var toVersion: String
    package var action: AliasAction
    package var by: String
    package var reason: String
    package var at: EventTime

    package init(id: Int64, alias: String, fromVersion: String?, toVersion: String, action: AliasAction, by: String, reason: String, at: EventTime) {
        self.id = id
        self.alias = alias
        self.fromVersion = fromVersion
        self.toVersion = toVersion
        self.action = action
        self.by = by
        self.reason = reason
        self.at = at
    }
}
