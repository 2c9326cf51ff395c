import FraudCore

/// When a candidate may replace the champion: not worse on `metric` by more than `tolerance`, and within the latency budget.
package struct PromotionPolicy: Hashable, Sendable {
    /// The metric compared (higher is better), e.g. `pr_auc`.
    package var metric: String
    /// How much worse than the champion the candidate may be, in metric units (0...1).
    package var tolerance: Double
    /// Largest acceptable p99 scoring latency, when the evaluator measures it.
    package var latencyBudgetMs: Double?
    /// The labelled window both models are evaluated on.
    package var window: EvaluationWindow

    /// - Throws: `StoreError.invalidParameter` when `tolerance` is outside 0...1 or the budget is not positive.
    package init(metric: String = "pr_auc", tolerance: Double = 0.01, latencyBudgetMs: Double? = nil, window: EvaluationWindow = EvaluationWindow()) throws {
        guard (0...1).contains(tolerance) else { throw StoreError(.invalidParameter(name: "tolerance", reason: "\(tolerance) is outside 0...1")) }
        if let budget = latencyBudgetMs, !(budget > 0) { throw StoreError(.invalidParameter(name: "latencyBudgetMs", reason: "\(budget) is not positive")) }
        self.metric = metric
        self.tolerance = tolerance
        self.latencyBudgetMs = latencyBudgetMs
        self.window = window
    }
}

/// Who asked for an alias move, and why.
package struct PromotionRequest: Hashable, Sendable {
    package var version: String
    package var force: Bool
    package var by: String
    package var reason: String
    package var at: EventTime

    package init(version: String, force: Bool = false, by: String, reason: String, at: EventTime) {
        self.version = version
        self.force = force
        self.by = by
        self.reason = reason
        self.at = at
    }
}

/// Why a promotion or rollback was refused.
package enum PromotionRejection: Hashable, Sendable, CustomStringConvertible {
    case alreadyChampion(String)
    case worseThanChampion(metric: String, candidate: Double, champion: Double, tolerance: Double)
    case metricMissing(metric: String, version: String)
    case tooFewFrauds(metric: String, version: String, shortfall: FraudShortfall)
    case overLatencyBudget(p99Ms: Double, budgetMs: Double)
    case noPreviousChampion

    package var description: String {
        switch self {
        case .alreadyChampion(let version): "version \(version) is already the champion"
        case .worseThanChampion(let metric, let candidate, let champion, let tolerance):
            "candidate \(metric) \(Fixed.rounded(candidate, digits: 4)) is worse than the champion's \(Fixed.rounded(champion, digits: 4)) by more than the tolerance \(tolerance) (use --force to override)"
        case .metricMissing(let metric, let version): "the evaluation of version \(version) has no '\(metric)' (use --force to override)"
        case .tooFewFrauds(let metric, let version, let shortfall):
            "the \(metric) of version \(version) was \(shortfall) (use --force to override)"
        case .overLatencyBudget(let p99, let budget): "candidate p99 latency \(Fixed.rounded(p99, digits: 2)) ms is over the budget of \(budget) ms (use --force to override)"
        case .noPreviousChampion: "there is no previous champion to roll back to"
        }
    }
}

/// The champion/challenger protocol as a state machine: its methods return what to do next; the registry
/// does the I/O (STYLE.md §10). Promotion: `promote` → (`evaluate` → `evaluated`) → `move` or `reject`.
package struct PromotionStateMachine: Sendable {
    /// What the caller must do next.
    package enum Action: Hashable, Sendable {
        /// Evaluate both versions on the policy's window, then call `evaluated`.
        case evaluate(candidate: String, champion: String, window: EvaluationWindow)
        /// Apply this alias move (it records who, when and why).
        case move(AliasChange)
        /// Do nothing; tell the user why.
        case reject(PromotionRejection)
    }

    private enum State: Sendable {
        case idle
        case evaluating(PromotionRequest, champion: String)
        case finished
    }

    package let policy: PromotionPolicy
    private var state: State = .idle

    package init(policy: PromotionPolicy) {
        self.policy = policy
    }

    /// Starts a promotion of `request.version` given the current champion.
    package mutating func promote(_ request: PromotionRequest, champion: AliasRecord?) -> Action {
        precondition(isIdle, "a promotion state machine runs one promotion")
        if champion?.version == request.version { return finish(.reject(.alreadyChampion(request.version))) }
        if request.force {
            return finish(.move(change(request, from: champion?.version, action: .forcePromote, reason: "forced: \(request.reason)")))
        }
        guard let champion else {
            return finish(.move(change(request, from: nil, action: .promote, reason: "no champion yet: \(request.reason)")))
        }
        state = .evaluating(request, champion: champion.version)
        return .evaluate(candidate: request.version, champion: champion.version, window: policy.window)
    }

    /// Decides on the evaluations requested by `.evaluate`.
    package mutating func evaluated(candidate: ModelEvaluation, champion: ModelEvaluation) -> Action {
        guard case .evaluating(let request, let championVersion) = state else { preconditionFailure("evaluated(...) without a pending evaluation") }
        guard let candidateValue = candidate.metrics[policy.metric], candidateValue.isFinite else {
            return finish(.reject(.metricMissing(metric: policy.metric, version: request.version)))
        }
        guard let championValue = champion.metrics[policy.metric], championValue.isFinite else {
            return finish(.reject(.metricMissing(metric: policy.metric, version: championVersion)))
        }
        if let shortfall = candidate.fraudShortfall {
            return finish(.reject(.tooFewFrauds(metric: policy.metric, version: request.version, shortfall: shortfall)))
        }
        // A champion figure from too few frauds is no evidence: the comparison is undecidable, so the candidate's own
        // trusted figure decides.
        if champion.fraudShortfall == nil, candidateValue < championValue - policy.tolerance {
            return finish(.reject(.worseThanChampion(metric: policy.metric, candidate: candidateValue, champion: championValue, tolerance: policy.tolerance)))
        }
        if let budget = policy.latencyBudgetMs, let p99 = candidate.latencyP99Ms, p99 > budget {
            return finish(.reject(.overLatencyBudget(p99Ms: p99, budgetMs: budget)))
        }
        let figures = if let shortfall = champion.fraudShortfall {
            "\(policy.metric) \(Fixed.rounded(candidateValue, digits: 4)) on \(Self.sample(candidate)); champion's \(Fixed.rounded(championValue, digits: 4)) not compared, \(shortfall)"
        } else {
            "\(policy.metric) \(Fixed.rounded(candidateValue, digits: 4)) vs champion \(Fixed.rounded(championValue, digits: 4)) on \(Self.sample(candidate)) (tolerance \(policy.tolerance))"
        }
        return finish(.move(change(request, from: championVersion, action: .promote, reason: "\(figures): \(request.reason)")))
    }

    /// Moves the champion back to the version it had before the current one.
    ///
    /// The promotion stack is rebuilt from the champion's history (oldest first): promotions push, rollbacks pop,
    /// so rolling back twice goes two versions back rather than toggling between the last two.
    package static func rollback(history: [AliasHistoryEntry], champion: AliasRecord?, by: String, reason: String, at: EventTime) -> Action {
        var stack: [String] = []
        for entry in history where entry.alias == AliasRecord.champion {
            if entry.action == .rollback {
                if !stack.isEmpty { stack.removeLast() }
                if stack.last != entry.toVersion { stack.append(entry.toVersion) }
            } else {
                stack.append(entry.toVersion)
            }
        }
        guard let champion, stack.count >= 2, stack.last == champion.version else { return .reject(.noPreviousChampion) }
        let previous = stack[stack.count - 2]
        return .move(AliasChange(alias: AliasRecord.champion, expectedVersion: champion.version, toVersion: previous, action: .rollback,
                                 by: by, reason: reason, at: at))
    }

    /// "500 rows", with "(12 frauds)" when the evaluation counted them.
    private static func sample(_ evaluation: ModelEvaluation) -> String {
        "\(evaluation.rows) rows" + (evaluation.metrics["frauds"].map { " (\(Int($0)) frauds)" } ?? "")
    }

    private var isIdle: Bool {
        if case .idle = state { return true }
        return false
    }

    private mutating func finish(_ action: Action) -> Action {
        state = .finished
        return action
    }

    private func change(_ request: PromotionRequest, from: String?, action: AliasAction, reason: String) -> AliasChange {
        AliasChange(alias: AliasRecord.champion, expectedVersion: from, toVersion: request.version, action: action, by: request.by,
                    reason: reason, at: request.at)
    }
}
