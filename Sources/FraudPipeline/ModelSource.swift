import FraudCore
import FraudModel
import FraudStore

/// Where the scorer gets its model: a fixed scorer, or the registry's `champion` alias, watched for changes.
public enum ModelSource: Sendable {
    /// Always this scorer (`fraud run scorer --model DIR`, tests, benchmarks).
    case fixed(FraudScorer)
    /// The registry's champion, re-checked at most once per `checkEvery` between batches and reloaded when it moves.
    case champion(ModelRegistry, checkEvery: Duration)

    /// The watcher a scorer consults before each batch.
    func watcher() -> ChampionWatcher {
        switch self {
        case .fixed(let scorer): ChampionWatcher(fixed: scorer)
        case .champion(let registry, let interval): ChampionWatcher(registry: registry, interval: interval)
        }
    }
}

/// No champion alias to serve.
public struct NoChampionError: Error, CustomStringConvertible {
    public var description: String {
        "no champion model in the registry: train one and run 'fraud models import DIR' then 'fraud models promote VERSION', or pass --model DIR"
    }
}
