/// A named pointer at a model version (`champion`, `challenger`).
public struct AliasRecord: Hashable, Sendable {
    public var name: String
    public var version: String
    /// The store's alias generation when this alias last moved.
    public var generation: Int64
    public var updatedAt: EventTime
    public var updatedBy: String

    public init(name: String, version: String, generation: Int64, updatedAt: EventTime, updatedBy: String) {
        self.name = name
        self.version = version
        self.generation = generation
        self.updatedAt = updatedAt
        self.updatedBy = updatedBy
    }

    /// The alias scorers serve.
    public static let champion = "champion"
    /// The alias of the candidate under evaluation.
    public static let challenger = "challenger"
}

/// Why an alias moved.
public enum AliasAction: String, Hashable, Sendable, CaseIterable {
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
public struct AliasChange: Hashable, Sendable {
    public var alias: String
    /// The version the alias must point at now (nil: the alias must not exist yet).
    public var expectedVersion: String?
    public var toVersion: String
    public var action: AliasAction
    public var by: String
    public var reason: String
    public var at: EventTime

    public init(alias: String, expectedVersion: String?, toVersion: String, action: AliasAction, by: String, reason: String, at: EventTime) {
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
public struct AliasHistoryEntry: Hashable, Sendable {
    public var id: Int64
    public var alias: String
    public var fromVersion: String?
    public var toVersion: String
    public var action: AliasAction
    public var by: String
    public var reason: String
    public var at: EventTime

    public init(id: Int64, alias: String, fromVersion: String?, toVersion: String, action: AliasAction, by: String, reason: String, at: EventTime) {
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
