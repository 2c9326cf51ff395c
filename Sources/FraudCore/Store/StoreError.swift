/// A store operation that could not be done; the description names the item at fault.
package struct StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong.
    package enum Kind: Hashable, Sendable {
        /// Labels for payments that are not stored (all of them listed, up to 20).
        case unknownTransactions([String])
        /// A model version that is not registered.
        case unknownVersion(String)
        /// Registering a version that already exists.
        case duplicateVersion(String)
        /// The alias did not point at the expected version when moving it.
        case aliasConflict(alias: String, expected: String?, actual: String?)
        /// A database URL that cannot be used; `part` names the bad part.
        case invalidURL(url: String, part: String, reason: String)
        /// The database could not be reached after retries; the operation was not done.
        case unavailable(operation: String, attempts: Int, reason: String)
        /// The database rejected the operation.
        case failed(operation: String, reason: String)
        /// A stored value that cannot be read back (column and value).
        case corruptValue(column: String, value: String)
        /// A parameter outside its range.
        case invalidParameter(name: String, reason: String)
    }

    package var kind: Kind

    package init(_ kind: Kind) {
        self.kind = kind
    }

    /// The database could not be reached after retries (`.unavailable`): nothing was done, and trying later may work.
    package var isUnavailable: Bool {
        if case .unavailable = kind { true } else { false }
    }

    package var description: String {
        switch kind {
        case .unknownTransactions(let transNums):
            let shown = transNums.prefix(20).map { "'\($0)'" }.joined(separator: ", ")
            let more = transNums.count > 20 ? " and \(transNums.count - 20) more" : ""
            return "unknown trans_num \(shown)\(more): no such payment is stored (nothing was labelled)"
        case .unknownVersion(let version): return "unknown model version '\(version)'"
        case .duplicateVersion(let version): return "model version '\(version)' is already registered"
        case .aliasConflict(let alias, let expected, let actual):
            return "alias '\(alias)' moved meanwhile: expected \(expected.map { "'\($0)'" } ?? "unset"), found \(actual.map { "'\($0)'" } ?? "unset"); retry"
        case .invalidURL(let url, let part, let reason): return "database URL '\(url)': \(part): \(reason)"
        case .unavailable(let operation, let attempts, let reason):
            return "\(operation) failed after \(attempts) attempt(s), database unavailable: \(reason) (nothing was written)"
        case .failed(let operation, let reason): return "\(operation) failed: \(reason)"
        case .corruptValue(let column, let value): return "stored column '\(column)' holds an unreadable value '\(value)'"
        case .invalidParameter(let name, let reason): return "parameter '\(name)': \(reason)"
        }
    }
}
