import FraudCore
import FraudStore

/// A model version as printed by `--json`.
struct ModelJSON: Encodable {
    var version: String
    var modelType: String
    var createdAt: String
    var threshold: Double?
    var metrics: [String: Double]
    var artifactPath: String
    var runId: String?
    var description: String?
    var aliases: [String]

    init(_ model: ModelVersionRecord, aliases: [AliasRecord]) {
        version = model.version
        modelType = model.modelType
        createdAt = model.createdAt.iso
        threshold = model.threshold
        metrics = model.metrics
        artifactPath = model.artifactPath
        runId = model.runId
        description = model.description
        self.aliases = aliases.filter { $0.version == model.version }.map(\.name)
    }
}

/// An alias move as printed by `--json`.
struct AliasChangeJSON: Encodable {
    var alias: String
    var fromVersion: String?
    var toVersion: String
    var action: String
    var by: String
    var reason: String
    var at: String
}

extension AliasChangeJSON {
    /// A recorded move.
    init(_ entry: AliasHistoryEntry) {
        self.init(alias: entry.alias, fromVersion: entry.fromVersion, toVersion: entry.toVersion, action: entry.action.rawValue,
                  by: entry.by, reason: entry.reason, at: entry.at.iso)
    }

    /// A move just made, from the version it expected to replace.
    init(_ change: AliasChange) {
        self.init(alias: change.alias, fromVersion: change.expectedVersion, toVersion: change.toVersion, action: change.action.rawValue,
                  by: change.by, reason: change.reason, at: change.at.iso)
    }
}

/// The result of a promotion or rollback as printed by `--json`.
struct OutcomeJSON: Encodable {
    var moved: Bool
    var change: AliasChangeJSON?
    var rejection: String?

    init(_ outcome: ModelRegistry.Outcome) {
        switch outcome {
        case .moved(_, let change):
            moved = true
            self.change = AliasChangeJSON(change)
        case .rejected(let reason):
            moved = false
            rejection = reason.description
        }
    }
}

extension ModelRegistry.Outcome {
    /// Prints the outcome and fails the command (exit code 2) when nothing moved.
    func report(json: Bool) throws {
        if json {
            printJSON(OutcomeJSON(self))
        } else {
            switch self {
            case .moved(let alias, let change):
                print("champion: \(change.expectedVersion ?? "(none)") → \(alias.version) (\(change.action.rawValue) by \(change.by): \(change.reason))")
            case .rejected(let reason):
                print("not moved: \(reason)")
            }
        }
        if case .rejected = self { throw ExitCode(2) }
    }
}

import ArgumentParser
