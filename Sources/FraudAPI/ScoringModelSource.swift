import FraudModel
import FraudStore

/// Which model `POST /v1/score` uses.
public enum ScoringModelSource: Sendable {
    /// Always this scorer (tests, benchmarks, a pinned model).
    case fixed(FraudScorer)
    /// The registry's `champion`, reloaded when any alias moves (checked at most once a second).
    case champion(ModelRegistry)
}
